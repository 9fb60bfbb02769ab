package com.homemadealexa.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of integration tests that run the whole application against the
 * {@link CloudFakes}, with handles on the fakes and the server's port. As it stands it is
 * the shipped household: Polish, local commands first, speech-to-text by OpenAI,
 * text-to-speech by Azure, state in a temporary folder. A subclass describes another
 * household with a {@link CloudFakesTest} of its own; subclasses with the same household
 * share one application context. Fakes are reset before each test.
 */
@CloudFakesTest
public abstract class CloudFakesIntegrationTest {

	/** OpenAI: speech-to-text, chat completions, text-to-speech. */
	protected static final WireMockServer openAi = CloudFakes.openAi();

	/** The audio server: what the household hears. */
	protected static final FakeAudioServer speaker = CloudFakes.audioServer();

	/** Chat completion stubs on {@link #openAi}. */
	protected static final OpenAiChatStubs chat = CloudFakes.chat();

	@LocalServerPort
	protected int port;

	/** {@code http://127.0.0.1:<port><path>} */
	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}

package com.homemadealexa.testsupport;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of integration tests that run the whole application against the {@link CloudFakes}
 * as the shipped household has it: Polish, local commands first, speech-to-text by
 * OpenAI, text-to-speech by Azure, state in a temporary folder. Subclasses that add no
 * configuration of their own share one application context. Fakes are reset before each
 * test.
 */
@CloudFakesTest
public abstract class CloudFakesIntegrationTest {

	@LocalServerPort
	protected int port;

	/** {@code http://127.0.0.1:<port><path>} */
	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}

package com.homemadealexa.benchmark;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The OpenAI fake as the integration tests' WireMock stubs. WireMock answers delayed
 * requests asynchronously with plenty of threads, so that fifty requests at once wait
 * their latency each, not in a queue.
 */
final class WireMockOpenAi implements OpenAiFake {

	final WireMockServer server;

	final OpenAiChatStubs chat;

	private final Duration latency;

	WireMockOpenAi(Duration latency) {
		this.latency = latency;
		this.server = new WireMockServer(wireMockConfig().dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(300)
			.jettyAcceptQueueSize(500)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(50)
			.disableRequestJournal());
		this.server.start();
		this.server.setGlobalFixedDelay((int) latency.toMillis());
		this.chat = new OpenAiChatStubs(this.server);
	}

	@Override
	public String baseUrl() {
		return OpenAiSpeechStubs.baseUrl(this.server);
	}

	@Override
	public void hears(String transcript) {
		// A stub's own delay replaces the global one, so it is given explicitly.
		OpenAiSpeechStubs.transcriptionReturns(this.server, transcript, this.latency);
	}

	@Override
	public void replies(String userText, List<String> pieces) {
		// The newest of two stubs of the same priority wins: the streamed pieces last.
		this.chat.answerText(userText, String.join("", pieces));
		this.chat.streamText(userText, pieces);
	}

	@Override
	public void speaks(byte[] wav) {
		OpenAiSpeechStubs.speechReturns(this.server, wav, this.latency);
	}

	@Override
	public void close() {
		this.server.stop();
	}

}

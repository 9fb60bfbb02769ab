package com.homemadealexa.benchmark;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * OpenAI (speech-to-text, chat, text-to-speech) as one loopback WireMock whose every
 * answer takes a fixed latency (to its first byte; a streamed chat answer then trickles
 * in as each benchmark says), and a {@link TimedSpeaker} as the audio server. WireMock
 * answers delayed requests asynchronously with plenty of threads, so that fifty requests
 * at once wait 300 ms each, not in a queue: the fake must not be the bottleneck it is
 * meant to measure around.
 */
final class BenchmarkFakes implements AutoCloseable {

	final WireMockServer openAi;

	final OpenAiChatStubs chat;

	final TimedSpeaker speaker = new TimedSpeaker();

	final Duration latency;

	/** The format OpenAI's text-to-speech answers in. */
	static final PcmFormat VOICE = new PcmFormat(24_000, 16, 1);

	private BenchmarkFakes(Duration latency) {
		this.latency = latency;
		this.openAi = new WireMockServer(wireMockConfig().dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(300)
			.jettyAcceptQueueSize(500)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(50)
			.disableRequestJournal());
		this.openAi.start();
		this.openAi.setGlobalFixedDelay((int) latency.toMillis());
		this.chat = new OpenAiChatStubs(this.openAi);
	}

	/**
	 * @param latency how long every OpenAI answer takes (to its first byte)
	 */
	static BenchmarkFakes start(Duration latency) {
		return new BenchmarkFakes(latency);
	}

	/** The latency from {@code -Dbenchmark.latency-ms}, 300 ms by default. */
	static Duration configuredLatency() {
		return Duration.ofMillis(Integer.getInteger("benchmark.latency-ms", 300));
	}

	Map<String, String> serverProperties(boolean stream, boolean preferLocal) {
		return Map.of("openai.api-key", "benchmark-key", "openai.base-url", OpenAiSpeechStubs.baseUrl(this.openAi),
				"openai.stream", Boolean.toString(stream), "speech.stt-provider", "openai", "speech.tts-provider",
				"openai", "audio-server.url", this.speaker.url(), "assistant.prefer-local",
				Boolean.toString(preferLocal));
	}

	/** Every transcription returns this text, after the latency. */
	void hears(String transcript) {
		// A stub's own delay replaces the global one, so it is given explicitly.
		OpenAiSpeechStubs.transcriptionReturns(this.openAi, transcript, this.latency);
	}

	/**
	 * Every sentence is spoken as a tone this long, after the latency: a 24 kHz, 16-bit,
	 * mono WAV, which is what OpenAI's voices answer.
	 */
	void speaksFor(Duration audio) {
		OpenAiSpeechStubs.speechReturns(this.openAi, TestWavs.tone(VOICE, (int) audio.toMillis(), 440), this.latency);
	}

	@Override
	public void close() {
		this.openAi.stop();
		this.speaker.close();
	}

}

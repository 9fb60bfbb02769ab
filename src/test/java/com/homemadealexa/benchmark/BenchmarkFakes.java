package com.homemadealexa.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.TestWavs;

/**
 * OpenAI (speech-to-text, chat, text-to-speech) as one loopback fake whose every answer
 * takes a fixed latency (to its first byte), and a {@link TimedSpeaker} as the audio
 * server. The fake must not be the bottleneck it is meant to measure around: fifty
 * requests at once wait their latency each, not in a queue.
 *
 * @param <F> the kind of OpenAI fake
 */
final class BenchmarkFakes<F extends OpenAiFake> implements AutoCloseable {

	final F openAi;

	final TimedSpeaker speaker = new TimedSpeaker();

	final Duration latency;

	/** The format OpenAI's text-to-speech answers in. */
	static final PcmFormat VOICE = new PcmFormat(24_000, 16, 1);

	private BenchmarkFakes(F openAi, Duration latency) {
		this.openAi = openAi;
		this.latency = latency;
	}

	/**
	 * The fakes of the measurements against issue 13's goals: {@link LeanOpenAi}, or
	 * WireMock with {@code -Dbenchmark.fakes=wiremock} (what the figures before
	 * 2026-12-01's third round were taken with).
	 * @param latency how long every OpenAI answer takes (to its first byte)
	 */
	static BenchmarkFakes<OpenAiFake> start(Duration latency) {
		String kind = System.getProperty("benchmark.fakes", "lean");
		OpenAiFake openAi = switch (kind) {
			case "lean" -> new LeanOpenAi(latency);
			case "wiremock" -> new WireMockOpenAi(latency);
			default -> throw new IllegalArgumentException("-Dbenchmark.fakes is lean or wiremock, not " + kind);
		};
		return new BenchmarkFakes<>(openAi, latency);
	}

	/**
	 * WireMock as the OpenAI fake, for benchmarks whose answers trickle in or call tools.
	 */
	static BenchmarkFakes<WireMockOpenAi> wireMock(Duration latency) {
		return new BenchmarkFakes<>(new WireMockOpenAi(latency), latency);
	}

	/** The latency from {@code -Dbenchmark.latency-ms}, 300 ms by default. */
	static Duration configuredLatency() {
		return Duration.ofMillis(Integer.getInteger("benchmark.latency-ms", 300));
	}

	/** Which fake answers for OpenAI, for the reports. */
	String openAiKind() {
		return this.openAi.getClass().getSimpleName();
	}

	Map<String, String> serverProperties(boolean stream, boolean preferLocal) {
		return Map.of("openai.api-key", "benchmark-key", "openai.base-url", this.openAi.baseUrl(), "openai.stream",
				Boolean.toString(stream), "speech.stt-provider", "openai", "speech.tts-provider", "openai",
				"audio-server.url", this.speaker.url(), "assistant.prefer-local", Boolean.toString(preferLocal));
	}

	/** Every transcription returns this text, after the latency. */
	void hears(String transcript) {
		this.openAi.hears(transcript);
	}

	/** See {@link OpenAiFake#replies}. */
	void replies(String userText, List<String> pieces) {
		this.openAi.replies(userText, pieces);
	}

	/**
	 * Every sentence is spoken as a tone this long, after the latency: a 24 kHz, 16-bit,
	 * mono WAV, which is what OpenAI's voices answer.
	 */
	void speaksFor(Duration audio) {
		this.openAi.speaks(TestWavs.tone(VOICE, (int) audio.toMillis(), 440));
	}

	@Override
	public void close() {
		this.openAi.close();
		this.speaker.close();
	}

}

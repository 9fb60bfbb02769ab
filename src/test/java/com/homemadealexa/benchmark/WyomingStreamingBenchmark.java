package com.homemadealexa.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.speech.Transcription;
import com.homemadealexa.speech.WyomingSettings;
import com.homemadealexa.speech.wyoming.WyomingSpeechToText;
import com.homemadealexa.testsupport.FakeWyomingServer;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 4: end of speech to transcript with a Wyoming speech-to-text service that
 * answers 300 ms after {@code audio-stop}, through the production
 * {@link WyomingSpeechToText} on loopback. Streaming (each 100 ms chunk sent as it is
 * spoken, as the provider does) against sending the whole recording once the speech has
 * ended (what a provider that buffers does, like the OpenAI one).
 *
 * <p>
 * {@code -Dbenchmark.samples=20 -Dbenchmark.speech-ms=3000 -Dbenchmark.latency-ms=300}.
 */
class WyomingStreamingBenchmark {

	private static final PcmFormat FORMAT = PcmFormat.SPEECH;

	private static final int CHUNK_BYTES = FORMAT.bytesPerSecond() / 10;

	private static final int WARM_UP = 3;

	@Test
	void endOfSpeechToTranscript() throws Exception {
		int samples = Integer.getInteger("benchmark.samples", 20);
		int speechMillis = Integer.getInteger("benchmark.speech-ms", 3000);
		Duration latency = BenchmarkFakes.configuredLatency();
		byte[] utterance = TestWavs.tonePcm(FORMAT, speechMillis, 300);
		try (FakeWyomingServer whisper = FakeWyomingServer
			.start(FakeWyomingServer.transcriber("what time is it", latency))) {
			WyomingSpeechToText stt = new WyomingSpeechToText(new WyomingSettings(whisper.url(), "", "", ""), Locale.US,
					Duration.ofSeconds(20));
			Report.line("== 4. End of speech to transcript, Wyoming speech-to-text answering %s after audio-stop,"
					+ " %d ms of speech in 100 ms chunks, loopback", Stats.ms(latency), speechMillis);
			Report.machine();
			compare(stt, utterance, samples);
			// A recogniser that decodes each chunk as it arrives (Vosk, streaming
			// Whisper) at 10x real time: what is not decoded by audio-stop adds to the
			// 300 ms.
			whisper.script(incremental(latency, 10));
			Report.line("-- a service that decodes each chunk on arrival at 10x real time (a modelled incremental"
					+ " recogniser), then answers %s after audio-stop", Stats.ms(latency));
			compare(stt, utterance, samples);
		}
	}

	private static void compare(WyomingSpeechToText stt, byte[] utterance, int samples) {
		List<Duration> streamed = new ArrayList<>();
		List<Duration> atTheEnd = new ArrayList<>();
		for (int i = 0; i < WARM_UP + samples; i++) {
			Duration s = streaming(stt, utterance);
			Duration w = wholeAtTheEnd(stt, utterance);
			if (i >= WARM_UP) {
				streamed.add(s);
				atTheEnd.add(w);
			}
		}
		Report.line("streaming (production provider): %s", Stats.of(streamed));
		Report.line("whole recording sent at the end: %s", Stats.of(atTheEnd));
		Report.line("streaming gain at p50: %s", Stats.ms(Stats.of(atTheEnd).p50().minus(Stats.of(streamed).p50())));
	}

	/**
	 * One worker decodes chunks in arrival order, each taking its audio's length divided
	 * by {@code speed}; the transcript goes out {@code latency} after audio-stop or after
	 * the last chunk is decoded, whichever is later.
	 */
	private static FakeWyomingServer.Script incremental(Duration latency, int speed) {
		return (peer) -> {
			long decoded = System.nanoTime();
			while (true) {
				FakeWyomingServer.Event event = peer.read();
				if (event == null) {
					return;
				}
				if (event.type().equals("audio-chunk")) {
					long audioNanos = event.payload().length * 1_000_000_000L / FORMAT.bytesPerSecond();
					decoded = Math.max(decoded, System.nanoTime()) + audioNanos / speed;
				}
				if (event.type().equals("audio-stop")) {
					long answerAt = Math.max(decoded, System.nanoTime()) + latency.toNanos();
					LockSupport.parkNanos(answerAt - System.nanoTime());
					peer.send("transcript", "{\"text\": \"what time is it\"}", null);
					return;
				}
			}
		};
	}

	/**
	 * Chunks at the pace of speech; the clock starts when the last one is handed over.
	 */
	private static Duration streaming(WyomingSpeechToText stt, byte[] utterance) {
		try (Transcription transcription = stt.start(FORMAT)) {
			long next = System.nanoTime();
			for (int at = 0; at < utterance.length; at += CHUNK_BYTES) {
				LockSupport.parkNanos(next - System.nanoTime());
				next += 100_000_000L;
				transcription.write(utterance, at, Math.min(CHUNK_BYTES, utterance.length - at));
			}
			long ended = System.nanoTime();
			assertThat(transcription.finish()).isEqualTo("what time is it");
			return Duration.ofNanos(System.nanoTime() - ended);
		}
	}

	/** The recording is complete when the clock starts: connect, send it all, wait. */
	private static Duration wholeAtTheEnd(WyomingSpeechToText stt, byte[] utterance) {
		long ended = System.nanoTime();
		try (Transcription transcription = stt.start(FORMAT)) {
			for (int at = 0; at < utterance.length; at += CHUNK_BYTES) {
				transcription.write(utterance, at, Math.min(CHUNK_BYTES, utterance.length - at));
			}
			assertThat(transcription.finish()).isEqualTo("what time is it");
		}
		return Duration.ofNanos(System.nanoTime() - ended);
	}

}

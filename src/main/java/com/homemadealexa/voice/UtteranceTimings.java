package com.homemadealexa.voice;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Stage times of one utterance, measured from the end of speech (the last byte of the
 * upload; for a typed command, its arrival), recorded once each in the
 * {@code alexa.pipeline} timer tagged by stage, and the first stage that failed, for the
 * console. Thread-safe: stages are reached on different threads.
 */
final class UtteranceTimings {

	static final String TRANSCRIBED = "stt";

	static final String FIRST_AUDIO_SYNTHESIZED = "tts-first-audio";

	static final String FIRST_AUDIO_PLAYED = "first-audio";

	static final String ANSWERED = "answered";

	private final MeterRegistry meters;

	private final long endOfSpeech;

	private final ConcurrentMap<String, Long> stageMillis = new ConcurrentHashMap<>();

	private final AtomicReference<RecentUtterances.@Nullable Failure> failure = new AtomicReference<>();

	UtteranceTimings(MeterRegistry meters, long endOfSpeechNanos) {
		this.meters = meters;
		this.endOfSpeech = endOfSpeechNanos;
	}

	void transcribed() {
		reached(TRANSCRIBED);
	}

	void firstAudioSynthesized() {
		reached(FIRST_AUDIO_SYNTHESIZED);
	}

	void firstAudioPlayed() {
		reached(FIRST_AUDIO_PLAYED);
	}

	void answered() {
		reached(ANSWERED);
	}

	/**
	 * Notes a failed stage; only the first failure of an utterance is kept.
	 * @param stage e.g. {@code stt}, {@code interpret}, {@code tts}
	 * @param reason one line, as logged
	 */
	void failed(String stage, @Nullable String reason) {
		this.failure.compareAndSet(null, new RecentUtterances.Failure(stage, (reason != null) ? reason : "unknown"));
	}

	/**
	 * @return the first failed stage, or null when none failed
	 */
	RecentUtterances.@Nullable Failure failure() {
		return this.failure.get();
	}

	/**
	 * @return milliseconds from the end of speech to each stage reached so far
	 */
	Map<String, Long> millis() {
		return Map.copyOf(this.stageMillis);
	}

	private void reached(String stage) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.endOfSpeech);
		if (this.stageMillis.putIfAbsent(stage, elapsed.toMillis()) == null) {
			this.meters.timer("alexa.pipeline", "stage", stage).record(elapsed);
		}
	}

}

package com.homemadealexa.voice;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The last utterances with their stage timings, for the LAN console: spoken and typed,
 * answered and failed. Holds no audio. Thread-safe.
 */
@Component
class RecentUtterances {

	static final int CAPACITY = 50;

	private final Deque<Entry> entries = new ArrayDeque<>();

	synchronized void add(Entry entry) {
		this.entries.addFirst(entry);
		while (this.entries.size() > CAPACITY) {
			this.entries.removeLast();
		}
	}

	synchronized List<Entry> newestFirst() {
		return List.copyOf(this.entries);
	}

	/**
	 * One utterance as the console shows it.
	 *
	 * @param id utterance id (as in the log)
	 * @param source device hostname/address, webapp user or console caller
	 * @param at when it closed (answered, or failed)
	 * @param transcript what was heard (or typed)
	 * @param answer what was answered
	 * @param route how the answer was found; empty when it failed before
	 * @param stagesMillis milliseconds from end of speech to each stage
	 * @param input {@code SPEECH} or {@code TEXT}
	 * @param failure the first stage that failed, or null
	 */
	record Entry(String id, String source, Instant at, String transcript, String answer, String route,
			Map<String, Long> stagesMillis, String input, @Nullable Failure failure) {
	}

	/**
	 * A failed stage.
	 *
	 * @param stage {@code stt}, {@code interpret}, {@code tts} or {@code playback}
	 * ({@link Utterance.Stage})
	 * @param reason one line, as logged (never a key or audio)
	 */
	record Failure(String stage, String reason) {
	}

}

package com.homemadealexa.voice;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The last utterances with their stage timings, for the LAN console. Holds no audio.
 * Thread-safe.
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
	 * @param source device hostname/address or webapp user
	 * @param at when its speech ended
	 * @param transcript what was heard
	 * @param answer what was answered
	 * @param route how the answer was found
	 * @param stagesMillis milliseconds from end of speech to each stage
	 */
	record Entry(String id, String source, Instant at, String transcript, String answer, String route,
			Map<String, Long> stagesMillis) {
	}

}

package com.homemadealexa.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import com.homemadealexa.audio.Speaker;
import com.homemadealexa.audio.Wav;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks one reply on the audio server, sentence by sentence: each sentence is
 * synthesized as soon as it is known (at most {@value #LOOKAHEAD} sentences ahead of the
 * one playing, so a long answer does not synthesize everything at once) and handed to the
 * audio server once the sentence before it has had time to play (the audio server takes
 * whole WAVs and does not queue). A cancelled utterance stops the rest; so does a reply
 * that has spoken {@link #MAX_SPEECH}. One instance per reply; {@link #say} is called by
 * the interpreting thread, playback runs on its own virtual thread, with the utterance's
 * id in its MDC.
 */
final class DevicePlayback {

	private static final Logger log = LoggerFactory.getLogger(DevicePlayback.class);

	/** Sentences synthesized ahead of the one playing. */
	static final int LOOKAHEAD = 2;

	/** The longest a reply may speak; the rest of a runaway answer is dropped. */
	static final Duration MAX_SPEECH = Duration.ofMinutes(5);

	private static final String END = new String("end of reply");

	private final Utterance utterance;

	private final SentenceVoice voice;

	private final Speaker.Hold speaker;

	private final BlockingQueue<String> sentences = new LinkedBlockingQueue<>();

	private final Thread player;

	private volatile Instant playedOutAt = Instant.now();

	private volatile int played;

	DevicePlayback(Utterance utterance, SentenceVoice voice, Speaker.Hold speaker) {
		this.utterance = utterance;
		this.voice = voice;
		this.speaker = speaker;
		this.player = Thread.ofVirtual().name("playback-" + utterance.id()).start(utterance.wrap(this::playInOrder));
	}

	/**
	 * Queues a sentence; returns at once.
	 */
	void say(String sentence) {
		if (!this.utterance.isCancelled()) {
			this.sentences.add(sentence);
		}
	}

	/**
	 * Waits until every queued sentence has been played out.
	 * @return how many sentences reached the audio server, or -1 when the utterance was
	 * cancelled
	 */
	int finish() {
		this.sentences.add(END);
		try {
			this.player.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		return this.utterance.waitUntil(this.playedOutAt) ? this.played : -1;
	}

	private void playInOrder() {
		Deque<CompletableFuture<byte[]>> ahead = new ArrayDeque<>();
		Duration spoken = Duration.ZERO;
		boolean ended = false;
		try {
			while (true) {
				ended = fill(ahead, ended);
				if (ahead.isEmpty()) {
					if (ended) {
						return;
					}
					String next = this.sentences.take();
					if (next == END) {
						return;
					}
					ahead.add(this.voice.synthesize(next, this.utterance));
					continue;
				}
				byte[] wav = awaitAudio(ahead.poll());
				if (wav == null) {
					continue;
				}
				if (!this.utterance.waitUntil(this.playedOutAt)) {
					ahead.forEach((pending) -> pending.cancel(true));
					return;
				}
				Duration length = Wav.duration(wav);
				if (spoken.plus(length).compareTo(MAX_SPEECH) > 0) {
					log.warn("The reply is longer than {} of speech; the rest is not spoken", MAX_SPEECH);
					ahead.forEach((pending) -> pending.cancel(true));
					return;
				}
				if (this.speaker.play(wav)) {
					if (this.played++ == 0) {
						this.utterance.firstAudioPlayed();
					}
					spoken = spoken.plus(length);
					this.playedOutAt = this.speaker.playedOutAt();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.sentences.clear();
		}
	}

	// Starts synthesizing queued sentences until LOOKAHEAD are under way.
	private boolean fill(Deque<CompletableFuture<byte[]>> ahead, boolean ended) {
		while (!ended && ahead.size() < LOOKAHEAD) {
			String next = this.sentences.poll();
			if (next == null) {
				return false;
			}
			if (next == END) {
				return true;
			}
			ahead.add(this.voice.synthesize(next, this.utterance));
		}
		return ended;
	}

	private byte[] awaitAudio(CompletableFuture<byte[]> sentence) {
		try {
			byte[] wav = sentence.join();
			this.utterance.firstAudioSynthesized();
			return wav;
		}
		catch (CompletionException | java.util.concurrent.CancellationException ex) {
			this.utterance.failed(Utterance.Stage.VOICE, ex);
			return null;
		}
	}

}

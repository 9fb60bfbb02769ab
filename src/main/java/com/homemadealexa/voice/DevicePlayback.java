package com.homemadealexa.voice;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import com.homemadealexa.audio.AudioOutput;
import com.homemadealexa.audio.Wav;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Speaks one reply on the audio server, sentence by sentence: each sentence is
 * synthesized as soon as it is known and handed to the audio server once the sentence
 * before it has had time to play (the audio server takes whole WAVs and does not queue).
 * A cancelled turn stops the rest. One instance per reply; {@link #say} is called by the
 * interpreting thread, playback runs on its own virtual thread.
 */
final class DevicePlayback {

	private static final Logger log = LoggerFactory.getLogger(DevicePlayback.class);

	private static final CompletableFuture<byte[]> END = CompletableFuture.completedFuture(new byte[0]);

	private final Turn turn;

	private final SentenceVoice voice;

	private final AudioOutput speaker;

	private final UtteranceTimings timings;

	private final BlockingQueue<CompletableFuture<byte[]>> sentences = new LinkedBlockingQueue<>();

	private final Thread player;

	private volatile Instant playedOutAt = Instant.now();

	private volatile int played;

	DevicePlayback(Turn turn, SentenceVoice voice, AudioOutput speaker, UtteranceTimings timings) {
		this.turn = turn;
		this.voice = voice;
		this.speaker = speaker;
		this.timings = timings;
		this.player = Thread.ofVirtual().name("playback-" + turn.utteranceId()).start(this::playInOrder);
	}

	/**
	 * Queues a sentence; returns at once.
	 */
	void say(String sentence) {
		if (!this.turn.isCancelled()) {
			this.sentences.add(this.voice.synthesize(sentence, this.turn.utteranceId()));
		}
	}

	/**
	 * Waits until every queued sentence has been played out.
	 * @return how many sentences reached the audio server, or -1 when the turn was
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
		return this.turn.waitUntil(this.playedOutAt) ? this.played : -1;
	}

	private void playInOrder() {
		MDC.put("utterance", this.turn.utteranceId());
		try {
			CompletableFuture<byte[]> next;
			while ((next = this.sentences.take()) != END) {
				byte[] wav = awaitAudio(next);
				if (wav == null) {
					continue;
				}
				if (!this.turn.waitUntil(this.playedOutAt)) {
					this.sentences.forEach((pending) -> pending.cancel(true));
					return;
				}
				if (this.speaker.play(wav)) {
					if (this.played++ == 0) {
						this.timings.firstAudioPlayed();
					}
					this.playedOutAt = Instant.now().plus(Wav.duration(wav));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			MDC.remove("utterance");
		}
	}

	private byte[] awaitAudio(CompletableFuture<byte[]> sentence) {
		try {
			byte[] wav = sentence.join();
			this.timings.firstAudioSynthesized();
			return wav;
		}
		catch (CompletionException | java.util.concurrent.CancellationException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			log.warn("Utterance {} failed at stage tts: {}", this.turn.utteranceId(), cause.getMessage());
			this.timings.failed("tts", cause.getMessage());
			return null;
		}
	}

}

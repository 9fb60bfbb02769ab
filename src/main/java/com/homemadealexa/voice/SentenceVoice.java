package com.homemadealexa.voice;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.speech.TextToSpeech;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Synthesizes sentences in the background, each on its own virtual thread (with the
 * utterance's id in its MDC), so the next sentence is ready while the one before it
 * plays.
 */
@Component
class SentenceVoice implements DisposableBean {

	private final TextToSpeech tts;

	private final Phrases phrases;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	SentenceVoice(TextToSpeech tts, Phrases phrases) {
		this.tts = tts;
		this.phrases = phrases;
	}

	/**
	 * @return the sentence's WAV, or a failure carrying the provider's exception
	 */
	CompletableFuture<byte[]> synthesize(String sentence, Utterance utterance) {
		return CompletableFuture.supplyAsync(utterance.wrap(() -> this.tts.synthesize(sentence, this.phrases.locale())),
				this.executor);
	}

	/**
	 * Like {@link #synthesize(String, Utterance)}, holding one of the given permits while
	 * the voice works, so one reply cannot synthesize every sentence at once.
	 */
	CompletableFuture<byte[]> synthesize(String sentence, Utterance utterance, Semaphore permits) {
		return CompletableFuture.supplyAsync(utterance.wrap(() -> {
			try {
				permits.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CancellationException("Shutting down");
			}
			try {
				return this.tts.synthesize(sentence, this.phrases.locale());
			}
			finally {
				permits.release();
			}
		}), this.executor);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}

package com.homemadealexa.voice;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.speech.TextToSpeech;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Synthesizes sentences in the background, each on its own virtual thread, so the next
 * sentence is ready while the one before it plays.
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
	CompletableFuture<byte[]> synthesize(String sentence, String utteranceId) {
		return CompletableFuture.supplyAsync(() -> {
			MDC.put("utterance", utteranceId);
			try {
				return this.tts.synthesize(sentence, this.phrases.locale(), utteranceId);
			}
			finally {
				MDC.remove("utterance");
			}
		}, this.executor);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}

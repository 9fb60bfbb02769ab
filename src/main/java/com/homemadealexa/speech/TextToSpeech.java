package com.homemadealexa.speech;

import java.util.Locale;

/**
 * Turns a phrase into speech. Thread-safe; blocks for at most the configured timeout. Log
 * lines name the utterance through the caller's MDC ({@code utterance}), which an
 * implementation keeps on any thread it hands work to.
 */
public interface TextToSpeech {

	/**
	 * Synthesizes one phrase (usually one sentence).
	 * @param text the phrase, not blank
	 * @param locale the household's language
	 * @return a WAV file, 16 kHz, 16-bit, mono
	 * @throws SpeechException when the provider fails or times out
	 */
	byte[] synthesize(String text, Locale locale);

}

package com.homemadealexa.speech;

import java.util.Locale;

/**
 * Turns a phrase into speech. Thread-safe; blocks for at most the configured timeout.
 */
public interface TextToSpeech {

	/**
	 * Synthesizes one phrase (usually one sentence).
	 * @param text the phrase, not blank
	 * @param locale the household's language
	 * @param utteranceId for log lines
	 * @return a WAV file, 16 kHz, 16-bit, mono
	 * @throws SpeechException when the provider fails or times out
	 */
	byte[] synthesize(String text, Locale locale, String utteranceId);

}

package com.homemadealexa.voice;

/**
 * A transcribed (or typed) utterance.
 *
 * @param utteranceId id on every log line about it
 * @param text the transcript, stripped; empty for silence
 * @param timings its stage times
 * @param input whether it was spoken or typed
 * @param audioBytes how much audio the upload carried; 0 for none at all (and for typed
 * commands)
 */
record Heard(String utteranceId, String text, UtteranceTimings timings, Input input, long audioBytes) {

	enum Input {

		/** Spoken to a device or the webapp, then transcribed. */
		SPEECH,
		/** Typed in the webapp or the console. */
		TEXT

	}

}

package com.homemadealexa.audio;

/**
 * The speaker: the audio server that plays WAVs for the devices.
 *
 * <p>
 * Thread-safe. Calls block for at most the configured timeout and never throw: a failure
 * is logged and reported as {@code false}, because the device flow must go on.
 */
public interface AudioOutput {

	/**
	 * Plays a WAV; returns once the audio server accepted it (not when playback ends).
	 * @param wav a complete WAV file
	 * @return whether the audio server accepted it
	 */
	boolean play(byte[] wav);

	/**
	 * Stops whatever is playing.
	 * @return whether the audio server accepted the request
	 */
	boolean abort();

}

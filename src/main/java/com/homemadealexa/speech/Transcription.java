package com.homemadealexa.speech;

/**
 * One utterance being transcribed. Used by a single thread: {@link #write} while the
 * audio arrives, then {@link #finish} once, then {@link #close}.
 */
public interface Transcription extends AutoCloseable {

	/**
	 * Pushes the next piece of PCM audio.
	 */
	void write(byte[] buffer, int offset, int length);

	/**
	 * Signals the end of the audio and waits for the transcript.
	 * @return the transcript, possibly empty (silence), never null
	 * @throws SpeechException when the provider fails or times out
	 */
	String finish();

	/**
	 * Releases the provider's resources; abandons the transcription if unfinished.
	 */
	@Override
	void close();

}

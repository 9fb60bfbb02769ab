package com.homemadealexa.speech;

import com.homemadealexa.audio.PcmFormat;

/**
 * Turns one utterance's audio into text. Implementations are thread-safe; each
 * {@link Transcription} is used by one thread. Log lines name the utterance through the
 * caller's MDC ({@code utterance}), which an implementation keeps on any thread it hands
 * work to.
 */
public interface SpeechToText {

	/**
	 * Starts transcribing an utterance whose audio will be pushed while it arrives, so a
	 * streaming provider can work during the upload.
	 * @param format the PCM format of the pushed audio
	 * @return the open transcription; the caller must {@link Transcription#close() close}
	 * it
	 */
	Transcription start(PcmFormat format);

}

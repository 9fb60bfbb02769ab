package com.homemadealexa.speech;

import com.homemadealexa.audio.PcmFormat;

/**
 * Stands in for a speech-to-text provider whose key is missing: the audio is accepted and
 * ignored, and {@link Transcription#finish()} fails with a message naming the missing
 * key.
 */
final class UnconfiguredSpeechToText implements SpeechToText {

	private final String message;

	UnconfiguredSpeechToText(String message) {
		this.message = message;
	}

	@Override
	public Transcription start(PcmFormat format) {
		return new Transcription() {

			@Override
			public void write(byte[] buffer, int offset, int length) {
			}

			@Override
			public String finish() {
				throw new SpeechException(UnconfiguredSpeechToText.this.message);
			}

			@Override
			public void close() {
			}

		};
	}

}

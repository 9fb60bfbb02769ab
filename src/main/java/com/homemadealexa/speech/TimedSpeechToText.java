package com.homemadealexa.speech;

import com.homemadealexa.audio.PcmFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times how long the provider takes to deliver the transcript once the audio has ended
 * (the wait the user notices) as {@code alexa.stt} with tags {@code provider} and
 * {@code outcome}.
 */
final class TimedSpeechToText implements SpeechToText, AutoCloseable {

	private final String provider;

	private final SpeechToText delegate;

	private final MeterRegistry meters;

	TimedSpeechToText(String provider, SpeechToText delegate, MeterRegistry meters) {
		this.provider = provider;
		this.delegate = delegate;
		this.meters = meters;
	}

	@Override
	public Transcription start(PcmFormat format) {
		Transcription transcription = this.delegate.start(format);
		return new Transcription() {

			@Override
			public void write(byte[] buffer, int offset, int length) {
				transcription.write(buffer, offset, length);
			}

			@Override
			public String finish() {
				Timer.Sample sample = Timer.start(TimedSpeechToText.this.meters);
				String outcome = "failure";
				try {
					String text = transcription.finish();
					outcome = "success";
					return text;
				}
				finally {
					sample.stop(Timer.builder("alexa.stt")
						.description("Speech-to-text: wait for the transcript after the audio ended")
						.tag("provider", TimedSpeechToText.this.provider)
						.tag("outcome", outcome)
						.register(TimedSpeechToText.this.meters));
				}
			}

			@Override
			public void close() {
				transcription.close();
			}

		};
	}

	SpeechToText delegate() {
		return this.delegate;
	}

	@Override
	public void close() throws Exception {
		if (this.delegate instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}

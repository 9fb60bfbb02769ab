package com.homemadealexa.speech;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link TextToSpeech}: the configured voice, and espeak-ng whenever
 * that voice fails or returns audio that does not hold up ({@link ProviderAudio}), so
 * that a reply is always spoken. Every provider call is timed as {@code alexa.tts} with
 * tags {@code provider} and {@code outcome}.
 */
final class FallbackTextToSpeech implements TextToSpeech, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FallbackTextToSpeech.class);

	private final @Nullable Voice primary;

	private final Voice fallback;

	private final MeterRegistry meters;

	/**
	 * @param primary the configured cloud voice, or null to speak with the fallback only
	 * @param fallback the offline voice
	 */
	FallbackTextToSpeech(@Nullable Voice primary, Voice fallback, MeterRegistry meters) {
		this.primary = primary;
		this.fallback = fallback;
		this.meters = meters;
	}

	@Override
	public byte[] synthesize(String text, Locale locale) {
		Voice primary = this.primary;
		if (primary == null) {
			return timed(this.fallback, text, locale);
		}
		try {
			return timed(primary, text, locale);
		}
		catch (RuntimeException ex) {
			log.warn("{} text-to-speech failed ({}); speaking with {}", primary.name(), ex.getMessage(),
					this.fallback.name());
			try {
				return timed(this.fallback, text, locale);
			}
			catch (RuntimeException fallbackFailure) {
				fallbackFailure.addSuppressed(ex);
				throw fallbackFailure;
			}
		}
	}

	String primaryName() {
		return (this.primary != null) ? this.primary.name() : this.fallback.name();
	}

	private byte[] timed(Voice voice, String text, Locale locale) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "failure";
		try {
			byte[] wav = ProviderAudio.checked(voice.speech().synthesize(text, locale), voice.name());
			outcome = "success";
			return wav;
		}
		finally {
			sample.stop(Timer.builder("alexa.tts")
				.description("Text-to-speech calls")
				.tag("provider", voice.name())
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	@Override
	public void close() throws Exception {
		if (this.primary != null && this.primary.speech() instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	/**
	 * A provider and the name it has in logs and metrics.
	 */
	record Voice(String name, TextToSpeech speech) {

	}

}

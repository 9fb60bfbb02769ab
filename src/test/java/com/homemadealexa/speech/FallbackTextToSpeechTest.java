package com.homemadealexa.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.homemadealexa.speech.FallbackTextToSpeech.Voice;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FallbackTextToSpeechTest {

	private static final byte[] CLOUD_WAV = TestWavs.speech(300);

	private static final byte[] ESPEAK_WAV = TestWavs.speech(500);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<String> calls = new ArrayList<>();

	@Test
	void speaksWithThePrimaryVoiceWhenItWorks() {
		FallbackTextToSpeech tts = new FallbackTextToSpeech(voice("azure", CLOUD_WAV), voice("espeak", ESPEAK_WAV),
				this.meters);

		byte[] wav = tts.synthesize("Dzień dobry", Locale.forLanguageTag("pl-PL"));

		assertThat(wav).isEqualTo(CLOUD_WAV);
		assertThat(this.calls).containsExactly("azure:Dzień dobry");
		assertThat(this.meters.get("alexa.tts").tag("provider", "azure").tag("outcome", "success").timer().count())
			.isEqualTo(1);
	}

	@Test
	void fallsBackToEspeakWhenThePrimaryFails() {
		FallbackTextToSpeech tts = new FallbackTextToSpeech(failing("azure"), voice("espeak", ESPEAK_WAV), this.meters);

		byte[] wav = tts.synthesize("Dzień dobry", Locale.forLanguageTag("pl-PL"));

		assertThat(wav).isEqualTo(ESPEAK_WAV);
		assertThat(this.calls).containsExactly("azure:Dzień dobry", "espeak:Dzień dobry");
		assertThat(this.meters.get("alexa.tts").tag("provider", "azure").tag("outcome", "failure").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.get("alexa.tts").tag("provider", "espeak").tag("outcome", "success").timer().count())
			.isEqualTo(1);
	}

	@Test
	void reportsBothFailuresWhenTheFallbackFailsToo() {
		FallbackTextToSpeech tts = new FallbackTextToSpeech(failing("azure"), failing("espeak"), this.meters);

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts.synthesize("Hi", Locale.US))
			.withMessage("espeak is down")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.extracting(Throwable::getMessage)
				.isEqualTo("azure is down"));
	}

	@Test
	void speaksWithTheFallbackAloneWithoutAPrimary() {
		FallbackTextToSpeech tts = new FallbackTextToSpeech(null, voice("espeak", ESPEAK_WAV), this.meters);

		assertThat(tts.synthesize("Hi", Locale.US)).isEqualTo(ESPEAK_WAV);
		assertThat(tts.primaryName()).isEqualTo("espeak");
	}

	private Voice voice(String name, byte[] wav) {
		return new Voice(name, (text, locale) -> {
			this.calls.add(name + ":" + text);
			return wav;
		});
	}

	private Voice failing(String name) {
		return new Voice(name, (text, locale) -> {
			this.calls.add(name + ":" + text);
			throw new SpeechException(name + " is down");
		});
	}

}

package com.homemadealexa.speech.espeak;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EspeakTextToSpeechTest {

	private final EspeakTextToSpeech espeak = new EspeakTextToSpeech(Duration.ofSeconds(10));

	@Test
	void speaksPolishAsAPlayableSpeechWav() {
		byte[] wav = this.espeak.synthesize("Zażółć gęślą jaźń, jest dwunasta piętnaście.",
				Locale.forLanguageTag("pl-PL"));

		PcmAudio audio = Wav.decode(wav);
		assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(audio.duration()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
		assertThat(TestWavs.rms(audio.data())).as("audible").isGreaterThan(0.01);
	}

	@Test
	void takesTheTextAsTextEvenWhenItLooksLikeOptions() {
		byte[] plain = this.espeak.synthesize("help", Locale.US);
		byte[] option = this.espeak.synthesize("--help", Locale.US);
		byte[] quoted = this.espeak.synthesize("\"; rm -rf / ; echo '$HOME'", Locale.US);

		// Read as options, these would print usage text instead of a WAV.
		assertThat(Wav.duration(option)).isGreaterThan(Duration.ofMillis(200));
		assertThat(Wav.duration(plain)).isGreaterThan(Duration.ofMillis(200));
		assertThat(Wav.duration(quoted)).isGreaterThan(Wav.duration(plain));
	}

	@Test
	void picksTheVoiceFromTheLocale() {
		assertThat(EspeakTextToSpeech.voice(Locale.forLanguageTag("pl-PL"))).isEqualTo("pl");
		assertThat(EspeakTextToSpeech.voice(Locale.US)).isEqualTo("en-us");
		assertThat(EspeakTextToSpeech.voice(Locale.UK)).isEqualTo("en-gb");
		assertThat(EspeakTextToSpeech.voice(Locale.GERMANY)).isEqualTo("de");
	}

	@Test
	void saysClearlyWhenEspeakIsNotInstalled() {
		EspeakTextToSpeech missing = new EspeakTextToSpeech("espeak-ng-that-does-not-exist", Duration.ofSeconds(5));

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> missing.synthesize("test", Locale.US))
			.withMessageContaining("espeak-ng is not installed");
	}

	@Test
	void reportsAFailingProcess() {
		EspeakTextToSpeech failing = new EspeakTextToSpeech("false", Duration.ofSeconds(5));

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> failing.synthesize("test", Locale.US))
			.withMessageContaining("exit code 1");
	}

}

package com.homemadealexa.speech;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;

class SpeechProvidersIntegrationTest extends CloudFakesIntegrationTest {

	private static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	@Autowired
	TextToSpeech textToSpeech;

	@Autowired
	SpeechToText speechToText;

	@Autowired
	MeterRegistry meters;

	@Test
	void speaksWithTheConfiguredAzureVoice() {
		AzureTtsStubs.speechReturnsTone(CloudFakes.azure(), 400);

		byte[] wav = this.textToSpeech.synthesize("Jest dwunasta.", POLISH);

		assertThat(Wav.duration(wav)).isEqualTo(Duration.ofMillis(400));
		assertThat(CloudFakes.azure().getAllServeEvents()).hasSize(1);
	}

	@Test
	void fallsBackToEspeakWhenAzureFails() {
		AzureTtsStubs.speechFails(CloudFakes.azure(), 500);
		double before = espeakSuccesses();

		byte[] wav = this.textToSpeech.synthesize("Jest dwunasta.", POLISH);

		PcmAudio audio = Wav.decode(wav);
		assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(audio.duration()).isGreaterThan(Duration.ofMillis(500));
		assertThat(espeakSuccesses()).isEqualTo(before + 1);
	}

	@Test
	void transcribesWithOpenAiAndTimesIt() {
		OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), "Która godzina?");
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 600, 300);

		String text;
		try (Transcription transcription = this.speechToText.start(PcmFormat.SPEECH)) {
			transcription.write(pcm, 0, pcm.length);
			text = transcription.finish();
		}

		assertThat(text).isEqualTo("Która godzina?");
		assertThat(this.meters.get("alexa.stt").tag("provider", "openai").tag("outcome", "success").timer().count())
			.isPositive();
	}

	private double espeakSuccesses() {
		var timer = this.meters.find("alexa.tts").tag("provider", "espeak").tag("outcome", "success").timer();
		return (timer != null) ? timer.count() : 0;
	}

}

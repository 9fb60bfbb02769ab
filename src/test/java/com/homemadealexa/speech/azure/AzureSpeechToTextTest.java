package com.homemadealexa.speech.azure;

import java.time.Duration;

import com.microsoft.cognitiveservices.speech.CancellationErrorCode;
import com.microsoft.cognitiveservices.speech.CancellationReason;
import com.microsoft.cognitiveservices.speech.PropertyId;
import com.microsoft.cognitiveservices.speech.ResultReason;
import com.microsoft.cognitiveservices.speech.SpeechConfig;
import org.junit.jupiter.api.Test;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.speech.AzureSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.Transcription;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AzureSpeechToTextTest {

	private static final String KEY = "azure-test-secret-key";

	@Test
	void recognisedSpeechIsTheTranscript() {
		assertThat(AzureRecognitionResults.transcript(ResultReason.RecognizedSpeech, " Włącz lampę. ", null, null, null,
				KEY))
			.isEqualTo("Włącz lampę.");
	}

	@Test
	void noMatchAndAnEarlyEndOfAudioAreSilence() {
		assertThat(AzureRecognitionResults.transcript(ResultReason.NoMatch, "", null, null, null, KEY)).isEmpty();
		assertThat(AzureRecognitionResults.transcript(ResultReason.Canceled, "", CancellationReason.EndOfStream,
				CancellationErrorCode.NoError, null, KEY))
			.isEmpty();
	}

	@Test
	void aCancellationIsAFailureNamingReasonAndCodeButNotTheKey() {
		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> AzureRecognitionResults.transcript(ResultReason.Canceled, "", CancellationReason.Error,
					CancellationErrorCode.AuthenticationFailure,
					"WebSocket upgrade failed: Authentication error (401) for key " + KEY, KEY))
			.withMessageContaining("Error")
			.withMessageContaining("AuthenticationFailure")
			.withMessageContaining("Authentication error (401)")
			.withMessageNotContaining(KEY);
	}

	@Test
	void anUnexpectedReasonIsAFailure() {
		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> AzureRecognitionResults.transcript(ResultReason.RecognizingSpeech, "partial", null, null,
					null, KEY))
			.withMessageContaining("RecognizingSpeech");
	}

	@Test
	void configuresKeyRegionAndLanguage() {
		try (SpeechConfig config = AzureSpeechConfigs.create(new AzureSettings(KEY, "westeurope", "", "", ""),
				"pl-PL")) {
			assertThat(config.getProperty(PropertyId.SpeechServiceConnection_Region)).isEqualTo("westeurope");
			assertThat(config.getProperty(PropertyId.SpeechServiceConnection_Key)).isEqualTo(KEY);
			assertThat(config.getSpeechRecognitionLanguage()).isEqualTo("pl-PL");
		}
	}

	@Test
	void usesTheEndpointWhenOneIsSet() {
		String endpoint = "wss://speech.example/speech/recognition/conversation/cognitiveservices/v1";
		try (SpeechConfig config = AzureSpeechConfigs.create(new AzureSettings(KEY, "westeurope", endpoint, "", ""),
				"en-US")) {
			assertThat(config.getProperty(PropertyId.SpeechServiceConnection_Endpoint)).isEqualTo(endpoint);
			assertThat(config.getSpeechRecognitionLanguage()).isEqualTo("en-US");
		}
	}

	@Test
	void streamsOnlyFormatsAzureTakesAsTheyAre() {
		assertThat(AzureSpeechToText.streamable(PcmFormat.SPEECH)).isTrue();
		assertThat(AzureSpeechToText.streamable(new PcmFormat(8000, 16, 1))).isTrue();
		assertThat(AzureSpeechToText.streamable(new PcmFormat(48000, 16, 2))).isFalse();
		assertThat(AzureSpeechToText.streamable(new PcmFormat(16000, 24, 1))).isFalse();
	}

	@Test
	void anUnreachableServiceEndsInASpeechExceptionWithinTheTimeout() {
		// Port 9 (discard) on loopback: nothing listens, the connection is refused at
		// once.
		AzureSettings unreachable = new AzureSettings(KEY, "westeurope",
				"ws://127.0.0.1:9/speech/recognition/conversation/cognitiveservices/v1", "", "");
		AzureSpeechToText speechToText = new AzureSpeechToText(unreachable, "pl-PL", Duration.ofSeconds(5));
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440);

		long started = System.nanoTime();
		try (Transcription transcription = speechToText.start(PcmFormat.SPEECH)) {
			transcription.write(pcm, 0, pcm.length);
			assertThatExceptionOfType(SpeechException.class).isThrownBy(transcription::finish)
				.withMessageStartingWith("Azure speech-to-text was cancelled")
				.withMessageContaining("ConnectionFailure")
				.withMessageNotContaining(KEY);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
	}

}

package com.homemadealexa.speech.azure;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.speech.AzureSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.Transcription;
import com.homemadealexa.testsupport.FakeAzureSpeechService;
import com.homemadealexa.testsupport.FakeAzureSpeechService.Answer;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The production {@link AzureSpeechToText}, through the real Speech SDK, against a
 * loopback service speaking the Speech service's WebSocket protocol (as an on-premises
 * Speech container at {@code azure.host} does).
 */
class AzureSpeechToTextWireTest {

	static final FakeAzureSpeechService azure = FakeAzureSpeechService.start();

	private final byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 800, 300);

	@BeforeEach
	void reset() {
		azure.reset();
	}

	@AfterAll
	static void stop() {
		azure.close();
	}

	@Test
	void streamsTheAudioWhileItArrivesAndReadsThePhrase() {
		azure.answer(new Answer.Recognised("Która godzina?"));
		String text;
		try (Transcription transcription = stt().start(PcmFormat.SPEECH)) {
			transcription.write(this.pcm, 0, 12800);
			// Azure has the first part of the audio before the utterance has ended.
			await().atMost(Duration.ofSeconds(10)).until(() -> azure.audioBytes() >= 12800);
			transcription.write(this.pcm, 12800, this.pcm.length - 12800);
			text = transcription.finish();
		}

		assertThat(text).isEqualTo("Która godzina?");
		assertThat(azure.connections()).singleElement()
			.satisfies((path) -> assertThat(path).startsWith("/speech/recognition/interactive/cognitiveservices/v1?")
				.contains("language=pl-PL"));
		assertThat(azure.paths()).startsWith("speech.config").contains("audio");
		assertThat(azure.audioBytes()).isEqualTo(this.pcm.length);
	}

	@Test
	void noMatchIsSilence() {
		azure.answer(new Answer.NoMatch());

		assertThat(transcribe()).isEmpty();
	}

	@Test
	void aServiceThatClosesWithAnErrorIsASpeechException() {
		azure.answer(new Answer.Close(1011, "Internal service error"));

		assertThatExceptionOfType(SpeechException.class).isThrownBy(this::transcribe)
			.withMessageStartingWith("Azure speech-to-text was cancelled: Error");
	}

	private String transcribe() {
		try (Transcription transcription = stt().start(PcmFormat.SPEECH)) {
			transcription.write(this.pcm, 0, this.pcm.length);
			return transcription.finish();
		}
	}

	private static AzureSpeechToText stt() {
		return new AzureSpeechToText(new AzureSettings("", "westeurope", "", "", azure.host()), "pl-PL",
				Duration.ofSeconds(10));
	}

}

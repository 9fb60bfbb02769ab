package com.homemadealexa.speech.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.speech.OpenAiSpeechSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechSettings;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs.Failure;
import com.homemadealexa.testsupport.TestWavs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpenAiTextToSpeechTest {

	private static final String KEY = "sk-test-secret-key";

	private static final WireMockServer openAi = LoopbackWireMock.start();

	private final OpenAiTextToSpeech textToSpeech = new OpenAiTextToSpeech(OpenAiSpeechSettings.textToSpeech(
			new SpeechSettings("openai", "whisper-1", "openai", "gpt-4o-mini-tts", "alloy", 2, "", "", "", ""),
			new OpenAiSettings(KEY, OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300, 30, true)));

	@AfterAll
	static void stop() {
		openAi.stop();
	}

	@BeforeEach
	void reset() {
		openAi.resetAll();
	}

	@Test
	void asksForAWavAndReturnsItAsSpeechFormat() {
		OpenAiSpeechStubs.speechReturns(openAi, TestWavs.tone(new PcmFormat(24000, 16, 1), 700, 440));

		byte[] wav = this.textToSpeech.synthesize("Jest dwunasta.", Locale.forLanguageTag("pl-PL"));

		PcmAudio audio = Wav.decode(wav);
		assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(audio.duration()).isEqualTo(Duration.ofMillis(700));
		openAi.verify(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.SPEECH_PATH))
			.withHeader("Authorization", equalTo("Bearer " + KEY))
			.withRequestBody(equalToJson("""
					{"model": "gpt-4o-mini-tts", "voice": "alloy", "input": "Jest dwunasta.", "response_format": "wav"}
					""", true, true)));
	}

	@Test
	void readsTheStreamedWavOpenAiSends() {
		// OpenAI streams its WAV, so the RIFF and data sizes are 0xFFFFFFFF.
		byte[] streamed = TestWavs.tone(new PcmFormat(24000, 16, 1), 400, 440);
		ByteBuffer header = ByteBuffer.wrap(streamed).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(4, -1).putInt(40, -1);
		OpenAiSpeechStubs.speechReturns(openAi, streamed);

		byte[] wav = this.textToSpeech.synthesize("Hello.", Locale.US);

		assertThat(Wav.duration(wav)).isEqualTo(Duration.ofMillis(400));
	}

	@ParameterizedTest
	@EnumSource(Failure.class)
	void reportsEveryFailureAsASpeechExceptionWithoutTheKey(Failure failure) {
		OpenAiSpeechStubs.speechFails(openAi, failure);

		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> this.textToSpeech.synthesize("Hello.", Locale.US))
			.withMessageStartingWith("OpenAI text-to-speech")
			.withMessageNotContaining(KEY);
	}

	@Test
	void aResetConnectionIsRetriedOnce() {
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.SPEECH_PATH)).inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.SPEECH_PATH)).inScenario("reset")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "audio/wav")
				.withBody(TestWavs.speech(300))));

		OpenAiTextToSpeech patient = new OpenAiTextToSpeech(OpenAiSpeechSettings.textToSpeech(
				new SpeechSettings("openai", "whisper-1", "openai", "gpt-4o-mini-tts", "alloy", 5, "", "", "", ""),
				new OpenAiSettings(KEY, OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300, 30, true)));
		byte[] wav = patient.synthesize("Hello", java.util.Locale.US);
		patient.close();

		assertThat(Wav.duration(wav)).isEqualTo(java.time.Duration.ofMillis(300));
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.SPEECH_PATH)))).hasSize(2);
	}

}

package com.homemadealexa.speech.openai;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.speech.OpenAiSpeechSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechSettings;
import com.homemadealexa.speech.Transcription;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs.Failure;
import com.homemadealexa.testsupport.TestWavs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class OpenAiSpeechToTextTest {

	private static final String KEY = "sk-test-secret-key";

	private static final WireMockServer openAi = LoopbackWireMock.start();

	private final OpenAiSpeechToText speechToText = new OpenAiSpeechToText(
			OpenAiSpeechSettings.speechToText(
					new SpeechSettings("openai", "whisper-1", "espeak", "gpt-4o-mini-tts", "alloy", 1, "", "", "", ""),
					new OpenAiSettings(KEY, OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300, 30, true)),
			new AssistantSettings("pl-PL", "Alexa", "", true, ""));

	@AfterAll
	static void stop() {
		openAi.stop();
	}

	@BeforeEach
	void reset() {
		openAi.resetAll();
	}

	@Test
	void sendsTheUtteranceAsASpeechWavWithModelAndLanguage() {
		OpenAiSpeechStubs.transcriptionReturns(openAi, " Która godzina? ");
		PcmFormat deviceFormat = new PcmFormat(48000, 16, 2);

		String text = transcribe(TestWavs.tonePcm(deviceFormat, 1000, 440), deviceFormat);

		assertThat(text).isEqualTo("Która godzina?");
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
		Request.Part file = request.getPart("file");
		assertThat(file.getFileName()).isEqualTo("utterance.wav");
		PcmAudio sent = Wav.decode(file.getBody().asBytes());
		assertThat(sent.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(sent.duration().toMillis()).isCloseTo(1000, within(1L));
		assertThat(request.getPart("model").getBody().asString()).isEqualTo("whisper-1");
		assertThat(request.getPart("language").getBody().asString()).isEqualTo("pl");
	}

	@Test
	void treatsAudioShorterThanATenthOfASecondAsSilence() {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "should not be asked");

		String text = transcribe(TestWavs.tonePcm(PcmFormat.SPEECH, 50, 440), PcmFormat.SPEECH);

		assertThat(text).isEmpty();
		assertThat(openAi.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Failure.class)
	void reportsEveryFailureAsASpeechExceptionWithoutTheKey(Failure failure) {
		OpenAiSpeechStubs.transcriptionFails(openAi, failure);

		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> transcribe(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440), PcmFormat.SPEECH))
			.withMessageStartingWith("OpenAI speech-to-text")
			.withMessageNotContaining(KEY);
	}

	@Test
	void namesTheStatusOfARefusal() {
		OpenAiSpeechStubs.transcriptionFails(openAi, Failure.SERVER_ERROR);

		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> transcribe(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440), PcmFormat.SPEECH))
			.withMessageContaining("HTTP 500");
	}

	@Test
	void givesUpAfterTheTimeout() {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "too late", Duration.ofSeconds(5));

		long started = System.nanoTime();
		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> transcribe(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440), PcmFormat.SPEECH))
			.withMessageContaining("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aResetConnectionIsRetriedOnce() {
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)).inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)).inScenario("reset")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"text\": \"Która godzina?\"}")));

		SpeechSettings speech = new SpeechSettings("openai", "whisper-1", "espeak", "gpt-4o-mini-tts", "alloy", 5, "",
				"", "", "");
		OpenAiSpeechToText patient = new OpenAiSpeechToText(
				OpenAiSpeechSettings.speechToText(speech,
						new OpenAiSettings(KEY, OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300, 30, true)),
				new AssistantSettings("pl-PL", "Alexa", "", true, ""));
		String text;
		try (Transcription transcription = patient.start(PcmFormat.SPEECH)) {
			byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440);
			transcription.write(pcm, 0, pcm.length);
			text = transcription.finish();
		}
		patient.close();

		assertThat(text).isEqualTo("Która godzina?");
		List<LoggedRequest> requests = openAi
			.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)));
		assertThat(requests).hasSize(2);
		// The retry sends the whole recording again.
		assertThat(Wav.duration(requests.get(1).getPart("file").getBody().asBytes())).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aServerErrorIsNotRetried() {
		OpenAiSpeechStubs.transcriptionFails(openAi, Failure.SERVER_ERROR);

		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> transcribe(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440), PcmFormat.SPEECH));
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)))).hasSize(1);
	}

	@Test
	void aStageWithItsOwnServerAndNoKeyNeverSendsTheOpenAiKey() {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "local whisper");
		SpeechSettings speech = new SpeechSettings("openai", "Systran/faster-whisper-small", "espeak",
				"gpt-4o-mini-tts", "alloy", 2, OpenAiSpeechStubs.baseUrl(openAi), "", "", "");
		OpenAiSettings model = new OpenAiSettings(KEY, "http://127.0.0.1:9/v1", "llama3.2", 300, 30, true);
		OpenAiSpeechToText local = new OpenAiSpeechToText(OpenAiSpeechSettings.speechToText(speech, model),
				new AssistantSettings("en-US", "Alexa", "", true, ""));

		String text;
		try (Transcription transcription = local.start(PcmFormat.SPEECH)) {
			byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 500, 440);
			transcription.write(pcm, 0, pcm.length);
			text = transcription.finish();
		}
		local.close();

		assertThat(text).isEqualTo("local whisper");
		LoggedRequest request = onlyRequest();
		assertThat(request.getPart("model").getBody().asString()).isEqualTo("Systran/faster-whisper-small");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer no-key");
	}

	private String transcribe(byte[] pcm, PcmFormat format) {
		try (Transcription transcription = this.speechToText.start(format)) {
			// Pushed in pieces whose size does not divide into frames, as a chunked
			// upload arrives.
			for (int offset = 0; offset < pcm.length; offset += 1001) {
				byte[] chunk = Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + 1001));
				transcription.write(chunk, 0, chunk.length);
			}
			return transcription.finish();
		}
	}

	private static LoggedRequest onlyRequest() {
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)))).hasSize(1);
		return openAi.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH))).get(0);
	}

}

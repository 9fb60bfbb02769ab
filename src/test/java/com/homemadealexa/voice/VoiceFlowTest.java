package com.homemadealexa.voice;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.homemadealexa.audio.Chimes;
import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.TextToSpeech;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import com.homemadealexa.testsupport.firmware.FirmwareDevice;
import com.homemadealexa.testsupport.firmware.FirmwareOptions;
import com.homemadealexa.testsupport.firmware.SttUpload;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole device and webapp flows over real sockets: a chunked upload and a WebSocket
 * device against the running server, with OpenAI and the audio server replaced by
 * loopback fakes speaking their wire formats.
 */
@CloudFakesTest(language = "en-US", preferLocal = false, textToSpeech = TextToSpeech.OPENAI, password = "secret",
		voiceMillis = 200, properties = "audio.save-audio=true")
class VoiceFlowTest extends CloudFakesIntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Chimes chimes;

	@Autowired
	com.homemadealexa.device.Devices devices;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersAtOnceThenSpeaksTheReplyAndTheDeviceListensAgain() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.");
		chat.streamText("tell me a joke", List.of("Why did the chicken cross the road? ", "To get to the other side."));
		try (FirmwareDevice device = device()) {
			SttUpload.Reply response = device.speak(speech(800));
			assertThat(response.status()).isEqualTo(200);
			assertThat(json.readTree(response.bodyText()))
				.isEqualTo(json.readTree("{\"status\":\"ok\",\"command\":\"Tell me a joke.\"}"));
			assertThat(device.nextCommand().cmd()).isEqualTo("listen");
			assertThat(speaker.plays()).hasSize(2);
		}
		try (var saved = java.nio.file.Files.list(CloudFakes.folder(VoiceFlowTest.class).resolve("audio_log"))) {
			assertThat(saved.filter((file) -> file.toString().endsWith(".wav")).toList()).isNotEmpty();
		}
		String metrics = this.http
			.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(metrics).contains("alexa_pipeline_seconds_count{stage=\"stt\"")
			.contains("alexa_pipeline_seconds_count{stage=\"first-audio\"")
			.contains("alexa_pipeline_seconds_count{stage=\"tts-first-audio\"")
			.contains("alexa_llm_first_token_seconds_count")
			.contains("alexa_llm_seconds_count");
	}

	@Test
	void aStopCommandPlaysTheEndChimeAndSendsIdle() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Stop.");
		chat.callTool("stop", "stop", "{}");
		try (FirmwareDevice device = device()) {
			assertThat(device.speak(speech(500)).status()).isEqualTo(200);
			assertThat(device.nextCommand().cmd()).isEqualTo("idle");
			assertThat(speaker.plays()).hasSize(2).last().isEqualTo(this.chimes.endChime());
		}
	}

	@Test
	void aWakeWordAbortsPlaybackPlaysTheStartChimeAndSuppressesThePendingReply() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a story.");
		OpenAiSpeechStubs.speechReturns(openAi, TestWavs.speech(3000));
		chat.answerText("tell me a story", "Once upon a time there was a lamp.");
		try (FirmwareDevice device = device()) {
			assertThat(device.speak(speech(500)).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5)).until(() -> speaker.plays().size() == 1);
			device.wakeword();
			await().atMost(Duration.ofSeconds(5)).until(() -> speaker.aborts() == 1 && speaker.plays().size() == 2);
			assertThat(speaker.plays().get(1)).isEqualTo(this.chimes.startChime());
			assertThat(device.pollCommand(Duration.ofSeconds(4))).isNull();
		}
	}

	@Test
	void aNewerUtteranceMakesTheOlderReplyStale() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a story.");
		OpenAiSpeechStubs.speechReturns(openAi, TestWavs.speech(2000));
		chat.answerText("tell me a story", "Once upon a time.");
		try (FirmwareDevice device = device()) {
			assertThat(device.speak(speech(500)).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5)).until(() -> speaker.plays().size() == 1);
			assertThat(device.speak(speech(500)).status()).isEqualTo(200);
			assertThat(device.nextCommand().cmd()).isEqualTo("listen");
			assertThat(device.pollCommand(Duration.ofSeconds(3))).isNull();
			assertThat(speaker.plays()).hasSize(2);
		}
	}

	@Test
	void anEmptyTranscriptPlaysTheEndChimeAndSendsIdle() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "");
		try (FirmwareDevice device = device()) {
			SttUpload.Reply response = device.speak(speech(500));
			assertThat(json.readTree(response.bodyText()).get("command").asString()).isEmpty();
			assertThat(device.nextCommand().cmd()).isEqualTo("idle");
			assertThat(speaker.plays()).containsExactly(this.chimes.endChime());
			assertThat(chat.requestCount()).isZero();
		}
	}

	@Test
	void aFailingSpeechToTextAnswersABadGatewayProblem() throws Exception {
		OpenAiSpeechStubs.transcriptionFails(openAi, OpenAiSpeechStubs.Failure.SERVER_ERROR);
		HttpResponse<String> response = upload("/api/internal/stt", 500);
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
	}

	@Test
	void aFailingLanguageModelIsApologisedForAndTheDeviceGoesIdle() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.");
		chat.failWith(500);
		try (FirmwareDevice device = device()) {
			assertThat(device.speak(speech(500)).status()).isEqualTo(200);
			assertThat(device.nextCommand().cmd()).isEqualTo("idle");
			assertThat(speaker.plays()).hasSize(2);
		}
	}

	@Test
	void theFirstSentenceReachesTheSpeakerBeforeTheModelHasFinished() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me about lamps.");
		Duration modelWrites = Duration.ofSeconds(5);
		chat.streamTextSlowly("tell me about lamps", List.of("Lamps give light. ", "They come in many shapes. ",
				"Some are very old. ", "This one is yours."), modelWrites);
		try (FirmwareDevice device = device()) {
			long started = System.nanoTime();
			assertThat(device.speak(speech(300)).status()).isEqualTo(200);
			await().atMost(modelWrites.minusSeconds(1)).until(() -> !speaker.plays().isEmpty());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(modelWrites);
			assertThat(device.nextCommand().cmd()).isEqualTo("listen");
			assertThat(speaker.plays()).hasSize(4);
		}
	}

	@Test
	void theWebappGetsTheTranscriptAndAPlayableAnswer() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.");
		chat.answerText("tell me a joke", "Knock knock. Who is there?");
		String token = json
			.readTree(this.http.send(HttpRequest.newBuilder(uri("/api/public/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"secret\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body())
			.get("token")
			.asString();
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/public/stt"))
			.header("Authorization", "Bearer " + token)
			.header("x-audio-sample-rate", "16000")
			.POST(HttpRequest.BodyPublishers.ofByteArray(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 300)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("command").asString()).isEqualTo("Tell me a joke.");
		assertThat(body.get("next").asString()).isEqualTo("listen");
		assertThat(body.get("answer").asString()).isEqualTo("Knock knock. Who is there?");
		PcmAudio answer = Wav.decode(Base64.getDecoder().decode(body.get("audio_b64").asString()));
		assertThat(answer.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(Wav.duration(Base64.getDecoder().decode(body.get("audio_b64").asString())))
			.isGreaterThanOrEqualTo(Duration.ofMillis(390));
		assertThat(speaker.plays()).isEmpty();
	}

	@Test
	void theWebappNeedsAToken() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/public/stt"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3200]))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	/** The firmware-faithful device, at microphone pace. */
	private FirmwareDevice device() {
		FirmwareDevice device = FirmwareDevice.connect(FirmwareOptions.forPort(this.port));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.devices.findByHostname(device.hostname()).isPresent());
		return device;
	}

	private static byte[] speech(int millis) {
		return TestWavs.tonePcm(PcmFormat.SPEECH, millis, 300);
	}

	private HttpResponse<String> upload(String path, int millis) throws Exception {
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, millis, 300);
		// An input stream of unknown length makes the client send it chunked, like the
		// devices.
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("x-audio-codec", "pcm")
			.header("x-audio-sample-rate", "16000")
			.header("x-audio-bits", "16")
			.header("x-audio-channel", "1")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(pcm)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}

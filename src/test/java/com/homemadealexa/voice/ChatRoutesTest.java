package com.homemadealexa.voice;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.TextToSpeech;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Typed commands over HTTP against the running server, OpenAI and the audio server
 * replaced by loopback fakes: the webapp's {@code /api/public/chat}, the console's
 * {@code /api/internal/chat} (spoken on a device when one is named), their limits, and
 * the recent-utterances list that now keeps typed and failed utterances too.
 */
@CloudFakesTest(language = "en-US", preferLocal = false, textToSpeech = TextToSpeech.OPENAI, password = "secret",
		voiceMillis = 200)
class ChatRoutesTest extends CloudFakesIntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theWebappsTypedCommandGetsTheSameReplyAsSpeechWithoutSpeechToText() throws Exception {
		chat.answerText("tell me a joke", "Knock knock. Who is there?");
		HttpResponse<String> response = post("/api/public/chat", "{\"command\": \"  Tell me a joke. \"}", login());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("status").asString()).isEqualTo("ok");
		assertThat(body.get("command").asString()).isEqualTo("Tell me a joke.");
		assertThat(body.get("next").asString()).isEqualTo("listen");
		assertThat(body.get("answer").asString()).isEqualTo("Knock knock. Who is there?");
		byte[] audio = Base64.getDecoder().decode(body.get("audio_b64").asString());
		assertThat(Wav.decode(audio).format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)))).isEmpty();
		assertThat(speaker.plays()).isEmpty();
	}

	@Test
	void theWebappsChatNeedsAToken() throws Exception {
		assertThat(post("/api/public/chat", "{\"command\": \"hello\"}", null).statusCode()).isEqualTo(401);
	}

	@Test
	void badTypedCommandsAreClearProblems() throws Exception {
		String token = login();
		for (String route : new String[] { "/api/internal/chat", "/api/public/chat" }) {
			assertProblem(post(route, "{\"command\": \"   \"}", token), 400, "command must not be empty.");
			assertProblem(post(route, "{}", token), 400, "command must not be empty.");
			assertProblem(post(route, "what time is it", token), 400, "The body must be JSON");
			assertProblem(post(route, "{\"command\": \"" + "a".repeat(2001) + "\"}", token), 400,
					"at most 2000 characters");
			assertProblem(post(route, "{\"command\": \"" + "a".repeat(20_000) + "\"}", token), 413,
					"at most 16384 bytes");
			// Chunked, without a Content-Length to refuse it by.
			HttpResponse<String> chunked = this.http.send(HttpRequest.newBuilder(uri(route))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(
						() -> new ByteArrayInputStream(("{\"command\": \"" + "a".repeat(20_000) + "\"}").getBytes())))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertProblem(chunked, 413, "at most 16384 bytes");
		}
		assertThat(chat.requestCount()).isZero();
	}

	@Test
	void aTypedCommandForADeviceIsSpokenOnTheAudioServerAndTheDeviceListensAgain() throws Exception {
		chat.answerText("tell me a joke", "Knock knock. Who is there?");
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			// The hello is handled on the server's side of the socket, after connect
			// returns.
			await().until(() -> get("/api/internal/status").contains("box-kitchen"));
			HttpResponse<String> response = post("/api/internal/chat?device=box-kitchen",
					"{\"command\": \"Tell me a joke.\"}", null);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
					"{\"response_phrase\": \"Knock knock. Who is there?\", \"label\": \"chat\", \"device\": \"box-kitchen\"}"));
			assertThat(device.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
			// One WAV per sentence, as for a spoken utterance.
			assertThat(speaker.plays()).hasSize(2);
		}
	}

	@Test
	void aTypedCommandWithoutADeviceIsTextOnlyAndAnUnknownDeviceIsNotFound() throws Exception {
		chat.answerText("capital of france", "Paris.");
		HttpResponse<String> answer = post("/api/internal/chat", "{\"command\": \"What is the capital of France?\"}",
				null);
		assertThat(json.readTree(answer.body()))
			.isEqualTo(json.readTree("{\"response_phrase\": \"Paris.\", \"label\": \"chat\", \"device\": null}"));
		assertThat(speaker.plays()).isEmpty();
		assertProblem(post("/api/internal/chat?device=box-attic", "{\"command\": \"hello\"}", null), 404,
				"No connected device is called box-attic");
	}

	@Test
	void recentUtterancesListTypedCommandsAndFailedOnes() throws Exception {
		chat.answerText("what is the capital of spain", "Madrid.");
		assertThat(post("/api/internal/chat", "{\"command\": \"What is the capital of Spain?\"}", null).statusCode())
			.isEqualTo(200);
		OpenAiSpeechStubs.transcriptionFails(openAi, OpenAiSpeechStubs.Failure.SERVER_ERROR);
		HttpResponse<String> failed = this.http.send(HttpRequest.newBuilder(uri("/api/internal/stt"))
			.header("x-audio-sample-rate", "16000")
			.POST(HttpRequest.BodyPublishers.ofByteArray(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failed.statusCode()).isEqualTo(502);

		JsonNode recent = json.readTree(get("/api/internal/utterances"));
		JsonNode sttFailure = recent.get(0);
		assertThat(sttFailure.get("failure").get("stage").asString()).isEqualTo("stt");
		assertThat(sttFailure.get("failure").get("reason").asString()).isNotBlank();
		assertThat(sttFailure.get("input").asString()).isEqualTo("SPEECH");
		assertThat(sttFailure.get("source").asString()).isEqualTo("127.0.0.1");
		JsonNode typed = recent.get(1);
		assertThat(typed.get("transcript").asString()).isEqualTo("What is the capital of Spain?");
		assertThat(typed.get("answer").asString()).isEqualTo("Madrid.");
		assertThat(typed.get("route").asString()).isEqualTo("CHAT");
		assertThat(typed.get("source").asString()).isEqualTo("chat:127.0.0.1");
		assertThat(typed.get("input").asString()).isEqualTo("TEXT");
		assertThat(typed.get("failure").isNull()).isTrue();
		assertThat(typed.get("stagesMillis").has("answered")).isTrue();
		assertThat(typed.has("id")).isTrue();
		assertThat(typed.has("at")).isTrue();
	}

	@Test
	void aConsoleCommandWhoseModelFailsIsApologisedForAndListed() throws Exception {
		chat.failWith(500);

		HttpResponse<String> response = post("/api/internal/chat", "{\"command\": \"Tell me a story.\"}", null);

		assertThat(response.statusCode()).isEqualTo(200);
		String apology = json.readTree(response.body()).get("response_phrase").asString();
		assertThat(apology).isIn("I can only do simple commands right now.",
				"Sorry, right now I can only do simple commands.");
		JsonNode listed = json.readTree(get("/api/internal/utterances")).get(0);
		assertThat(listed.get("transcript").asString()).isEqualTo("Tell me a story.");
		assertThat(listed.get("answer").asString()).isEqualTo(apology);
		assertThat(listed.get("route").asString()).isEqualTo("FALLBACK");
		assertThat(listed.get("source").asString()).isEqualTo("chat:127.0.0.1");
		assertThat(listed.get("input").asString()).isEqualTo("TEXT");
		assertThat(listed.get("stagesMillis").has("answered")).isTrue();
	}

	@Test
	void aConsoleCommandSpokenOnADeviceIsListedOnceItHasBeenSpoken() throws Exception {
		chat.failWith(500);
		try (TestDevice device = TestDevice.connect(this.port).hello("box-hall")) {
			await().until(() -> get("/api/internal/status").contains("box-hall"));

			HttpResponse<String> response = post("/api/internal/chat?device=box-hall",
					"{\"command\": \"Tell me a story.\"}", null);

			assertThat(response.statusCode()).isEqualTo(200);
			String apology = json.readTree(response.body()).get("response_phrase").asString();
			assertThat(device.nextMessage()).isEqualTo("{\"cmd\":\"idle\"}");
			JsonNode listed = json.readTree(get("/api/internal/utterances")).get(0);
			assertThat(listed.get("transcript").asString()).isEqualTo("Tell me a story.");
			assertThat(listed.get("answer").asString()).isEqualTo(apology);
			assertThat(listed.get("source").asString()).isEqualTo("box-hall");
			assertThat(listed.get("stagesMillis").has("first-audio")).isTrue();
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(response.body()).get("detail").asString()).contains(detail);
	}

	private String login() throws Exception {
		return json
			.readTree(post("/api/public/auth/login", "{\"username\":\"admin\",\"password\":\"secret\"}", null).body())
			.get("token")
			.asString();
	}

	private HttpResponse<String> post(String path, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}

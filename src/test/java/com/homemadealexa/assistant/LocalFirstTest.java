package com.homemadealexa.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded defaults: no keys at all, yet simple commands are answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalFirstTest {

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("data.dir", () -> data.resolve("data").toString());
		registry.add("firmware.dir", () -> data.resolve("firmware").toString());
	}

	@Test
	void withNoKeysAtAllASimpleCommandIsAnswered() throws Exception {
		JsonNode answer = chat("what time is it");
		assertThat(answer.get("label").asString()).isNotEqualTo("fallback");
		assertThat(answer.get("response_phrase").asString()).containsPattern("\\d{1,2}:\\d{2}");
	}

	@Test
	void withNoKeysAtAllAPolishCommandWithoutDiacriticsIsAnswered() throws Exception {
		JsonNode answer = chat("ktora jest godzina");
		assertThat(answer.get("response_phrase").asString()).containsPattern("\\d{1,2}:\\d{2}");
	}

	@Test
	void withNoLanguageModelAnythingElseGetsTheSimpleCommandsPhrase() throws Exception {
		JsonNode answer = chat("opowiedz mi bajkę o smoku");
		assertThat(answer.get("label").asString()).isEqualTo("fallback");
		assertThat(answer.get("response_phrase").asString()).contains("proste polecenia");
	}

	@Test
	void anEmptyCommandIsABadRequestProblem() throws Exception {
		HttpResponse<String> response = post("{\"command\":\"  \"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private JsonNode chat(String command) throws Exception {
		HttpResponse<String> response = post("{\"command\":\"" + command + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private HttpResponse<String> post(String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/internal/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}

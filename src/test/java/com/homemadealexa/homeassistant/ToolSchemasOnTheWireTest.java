package com.homemadealexa.homeassistant;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pins the tools as the OpenAI-compatible server receives them: every skill's name,
 * description and JSON Schema, with two MQTT lights, a TV and a loopback Home Assistant
 * (whose entity names are the one schema built from live data). The expected JSON is
 * {@code wire/openai-tools.en.json}; object keys may come in any order, arrays may not. A
 * skill added later is sent too without breaking this test: the pinned ones must stay
 * exactly as they are, in their order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolSchemasOnTheWireTest {

	private static final WireMockServer homeAssistant = LoopbackWireMock.start();

	private static final WireMockServer openAi = LoopbackWireMock.start();

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	HomeEntities entities;

	@DynamicPropertySource
	static void fakes(DynamicPropertyRegistry registry) {
		HomeTestData.serverOf(registry, data, homeAssistant);
		registry.add("openai.api-key", () -> "sk-test-openai-key");
		registry.add("openai.base-url", () -> OpenAiSpeechStubs.baseUrl(openAi));
		device(registry, 0, "lamp", "light", "cmnd/lamp/Power1");
		device(registry, 1, "desk", "light", "cmnd/desk/Power1");
		device(registry, 2, "tv", "tv", "tv/command");
	}

	private static void device(DynamicPropertyRegistry registry, int index, String name, String kind, String topic) {
		String prefix = "mqtt.devices[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "kind", () -> kind);
		registry.add(prefix + "topic", () -> topic);
		registry.add(prefix + "payload-on", () -> "ON");
		registry.add(prefix + "payload-off", () -> "OFF");
	}

	@AfterAll
	static void stop() {
		homeAssistant.stop();
		openAi.stop();
	}

	@Test
	void everySkillReachesTheModelWithItsPinnedSchema() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.entities.exposed().isEmpty());
		new OpenAiChatStubs(openAi).answerText("tell me a story", "Once upon a time.");
		chat("Tell me a story");
		List<LoggedRequest> requests = openAi.findAll(postRequestedFor(urlEqualTo(OpenAiChatStubs.PATH)));
		assertThat(requests).hasSize(1);
		JsonNode sent = json.readTree(requests.getFirst().getBodyAsString());
		assertThat(sent.get("tool_choice").asString()).isEqualTo("auto");
		JsonNode pinned = expected();
		List<String> pinnedNames = pinned.valueStream().map(ToolSchemasOnTheWireTest::name).toList();
		List<JsonNode> sentPinned = sent.get("tools")
			.valueStream()
			.filter((tool) -> pinnedNames.contains(name(tool)))
			.toList();
		assertThat(pinned.valueStream().toList()).hasSize(14);
		assertThat(sentPinned).isEqualTo(pinned.valueStream().toList());
	}

	private static String name(JsonNode tool) {
		return tool.get("function").get("name").asString();
	}

	private static JsonNode expected() throws IOException {
		try (InputStream pinned = ToolSchemasOnTheWireTest.class.getResourceAsStream("/wire/openai-tools.en.json")) {
			assertThat(pinned).as("wire/openai-tools.en.json").isNotNull();
			return json.readTree(pinned);
		}
	}

	private void chat(String command) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/internal/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"" + command + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

}

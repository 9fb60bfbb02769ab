package com.homemadealexa.homeassistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
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

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With an LLM (a loopback OpenAI-compatible server) and a loopback Home Assistant: the
 * model is offered the {@code home_assistant} tool listing the entities, and its
 * free-form tool call switches the entity; Assist is not asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeAssistantToolCallTest {

	private static final WireMockServer homeAssistant = LoopbackWireMock.start();

	private static final WireMockServer openAi = LoopbackWireMock.start();

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
	}

	@AfterAll
	static void stop() {
		homeAssistant.stop();
		openAi.stop();
	}

	@Test
	void theModelsToolCallSwitchesTheEntityItChoseFromTheList() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.entities.exposed().isEmpty());
		new OpenAiChatStubs(openAi).callTool("dark in here", "home_assistant",
				"{\"action\": \"set\", \"entity\": \"Ceiling\", \"value\": 80}");
		JsonNode answer = chat("It is so dark in here, can you help?");
		assertThat(answer.get("response_phrase").asString()).isEqualTo("Setting Ceiling to 80 percent.");
		openAi.verify(postRequestedFor(urlEqualTo(OpenAiChatStubs.PATH)).withRequestBody(
				matchingJsonPath("$.tools[?(@.function.name == 'home_assistant')].function.parameters.properties"
						+ ".entity.enum[?(@ == 'Ceiling')]")));
		homeAssistant.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_on"))
			.withRequestBody(equalToJson("{\"entity_id\": \"light.kitchen_ceiling\", \"brightness_pct\": 80}")));
		homeAssistant.verify(0, postRequestedFor(urlEqualTo("/api/conversation/process")));
	}

	private JsonNode chat(String command) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/internal/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"" + command + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

}

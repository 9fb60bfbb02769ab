package com.homemadealexa.homeassistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.llm.OpenAiToolSchema;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillCatalog;
import com.homemadealexa.testsupport.LoopbackWireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole server with {@code [home_assistant] url} pointing at a loopback Home
 * Assistant and no LLM: commands in English and Polish switch entities through local
 * templates, the skill is offered to the model with the exposed names, and what nothing
 * understood goes to Assist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeAssistantVoiceTest {

	private static final WireMockServer homeAssistant = LoopbackWireMock.start();

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	SkillCatalog skills;

	@Autowired
	HomeEntities entities;

	@DynamicPropertySource
	static void homeAssistant(DynamicPropertyRegistry registry) {
		HomeTestData.serverOf(registry, data, homeAssistant);
	}

	@AfterAll
	static void stop() {
		homeAssistant.stop();
	}

	@BeforeEach
	void entitiesRead() {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.entities.exposed().isEmpty());
		homeAssistant.resetRequests();
	}

	@Test
	void anEnglishCommandSwitchesTheEntityWithoutTheModel() throws Exception {
		JsonNode answer = chat("Turn off the kitchen light.");
		homeAssistant.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_off"))
			.withHeader("Authorization", equalTo("Bearer " + HomeTestData.TOKEN))
			.withRequestBody(equalToJson("{\"entity_id\": \"light.kitchen\"}")));
		assertThat(answer.get("response_phrase").asString()).isIn("Turning off Kitchen Light.",
				"Okay, Kitchen Light off.");
		assertThat(answer.get("label").asString()).startsWith("home_assistant");
	}

	@Test
	void aPolishCommandWithoutDiacriticsClosesTheBlind() throws Exception {
		chat("zamknij rolete w sypialni");
		homeAssistant.verify(postRequestedFor(urlEqualTo("/api/services/cover/close_cover"))
			.withRequestBody(equalToJson("{\"entity_id\": \"cover.sypialnia\"}")));
	}

	@Test
	void valuesAreSetInBothLanguages() throws Exception {
		assertThat(chat("set the heating to 21 degrees").get("response_phrase").asString())
			.isEqualTo("Setting Thermostat to 21 degrees.");
		homeAssistant.verify(postRequestedFor(urlEqualTo("/api/services/climate/set_temperature"))
			.withRequestBody(equalToJson("{\"entity_id\": \"climate.hallway\", \"temperature\": 21}")));
		chat("ustaw kitchen light na 40%");
		homeAssistant.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_on"))
			.withRequestBody(equalToJson("{\"entity_id\": \"light.kitchen\", \"brightness_pct\": 40}")));
	}

	@Test
	void anAmbiguousNameIsAQuestionAndNothingIsSwitched() throws Exception {
		JsonNode answer = chat("turn on the light");
		assertThat(answer.get("response_phrase").asString()).startsWith("Which one do you mean:");
		homeAssistant.verify(0, postRequestedFor(urlPathMatching("/api/services/.*")));
	}

	@Test
	void whatNothingUnderstoodGoesToAssistWithoutAModel() throws Exception {
		new HomeAssistantStubs(homeAssistant).assist("front door", "query_answer", "The front door is locked.", "",
				false);
		JsonNode answer = chat("Is the front door locked?");
		assertThat(answer.get("response_phrase").asString()).isEqualTo("The front door is locked.");
		assertThat(answer.get("label").asString()).isEqualTo("assist query_answer");
		homeAssistant.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
			.withRequestBody(matchingJsonPath("$.text", equalTo("is the front door locked")))
			.withRequestBody(matchingJsonPath("$.language", equalTo("en"))));
	}

	@Test
	void aNameHomeAssistantDoesNotHaveIsNotClaimedByTheSkill() throws Exception {
		new HomeAssistantStubs(homeAssistant).assist("toaster", "error",
				"Sorry, I am not aware of any device called toaster", "no_valid_targets", false);
		JsonNode answer = chat("turn on the toaster");
		assertThat(answer.get("response_phrase").asString())
			.isEqualTo("Sorry, I am not aware of any device called toaster");
		homeAssistant.verify(0, postRequestedFor(urlPathMatching("/api/services/.*")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theModelIsOfferedTheSkillWithTheExposedNames() {
		Skill tool = this.skills.find("home_assistant").orElseThrow();
		Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) OpenAiToolSchema
			.of(tool.parameters())
			.get("properties");
		assertThat((List<String>) properties.get("entity").get("enum")).contains("Kitchen Light", "Thermostat",
				"Living Room TV", "Roleta w sypialni");
		assertThat(properties).containsKeys("action", "name", "value");
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

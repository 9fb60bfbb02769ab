package com.homemadealexa.homeassistant;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.homemadealexa.homeassistant.HomeAssistantClient.AssistAnswer;
import com.homemadealexa.homeassistant.HomeAssistantException.Failure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The production client against a loopback Home Assistant speaking its REST wire format.
 */
@ExtendWith(OutputCaptureExtension.class)
class HomeAssistantClientTest {

	@RegisterExtension
	static final LoopbackHomeAssistant homeAssistant = new LoopbackHomeAssistant();

	private final JsonMapper json = JsonMapper.builder().build();

	private HomeAssistantClient client;

	@BeforeEach
	void home() {
		this.client = new HomeAssistantClient(HomeTestData.settings(homeAssistant.url() + "/"), this.json);
	}

	@Test
	void readsTheStatesOfTheSupportedDomainsWithTheirNamesAndAliases() {
		List<HomeEntity> entities = this.client.states();
		assertThat(entities).extracting(HomeEntity::entityId)
			.containsExactly("light.kitchen", "light.kitchen_ceiling", "light.bedroom_lamp", "switch.coffee_maker",
					"cover.living_room_blinds", "climate.hallway", "media_player.living_room_tv", "fan.no_name",
					"cover.sypialnia");
		assertThat(entities.getFirst())
			.isEqualTo(new HomeEntity("light.kitchen", "Kitchen Light", List.of(), "", "on"));
		assertThat(entities.get(2).aliases()).containsExactly("Night light");
		assertThat(entities.get(7).name()).isEqualTo("no name");
	}

	@Test
	void readsTheAreasThroughTheTemplateApi() {
		assertThat(this.client.areas()).containsEntry("light.kitchen", "Kitchen")
			.containsEntry("cover.living_room_blinds", "Living Room")
			.hasSize(7);
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/template"))
				.withRequestBody(matchingJsonPath("$.template", equalTo(HomeAssistantClient.AREAS_TEMPLATE))));
	}

	@Test
	void callsAServiceWithItsJsonBodyAndTheBearerToken() {
		this.client.callService("light", "turn_on", Map.of("entity_id", "light.kitchen", "brightness_pct", 40));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_on"))
				.withHeader("Authorization", equalTo("Bearer " + HomeTestData.TOKEN))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("{\"entity_id\": \"light.kitchen\", \"brightness_pct\": 40}")));
	}

	@Test
	void aServiceErrorIsRejectedWithHomeAssistantsMessage() {
		homeAssistant.stubs()
			.serviceFails("climate", "set_temperature", 400,
					"Provided temperature 40.0 is not valid. Accepted range is 7 to 35");
		assertThatExceptionOfType(HomeAssistantException.class)
			.isThrownBy(() -> this.client.callService("climate", "set_temperature",
					Map.of("entity_id", "climate.hallway", "temperature", 40)))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(Failure.REJECTED))
			.withMessageContaining("HTTP 400")
			.withMessageContaining("Accepted range is 7 to 35");
	}

	@Test
	void assistAnswersOfEachTypeAreRead() {
		homeAssistant.stubs().assist("turn on", "action_done", "Turned on the light", "", false);
		homeAssistant.stubs().assist("what is", "query_answer", "The temperature is 19.5 degrees", "", true);
		homeAssistant.stubs().assist("fly me", "error", "Sorry, I couldn't understand that", "no_intent_match", false);

		assertThat(this.client.converse("turn on the kitchen light", "en", null))
			.isEqualTo(new AssistAnswer("action_done", "Turned on the light", "", "01JD5Z0ASSISTCONVERSATION1", false));
		assertThat(this.client.converse("what is the temperature", "en", "01JD5Z0ASSISTCONVERSATION1"))
			.satisfies((answer) -> {
				assertThat(answer.responseType()).isEqualTo("query_answer");
				assertThat(answer.speech()).isEqualTo("The temperature is 19.5 degrees");
				assertThat(answer.continueConversation()).isTrue();
			});
		assertThat(this.client.converse("fly me to the moon", "en", null)).satisfies((answer) -> {
			assertThat(answer.responseType()).isEqualTo("error");
			assertThat(answer.errorCode()).isEqualTo("no_intent_match");
		});
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process")).withRequestBody(equalToJson(
					"{\"text\": \"what is the temperature\", \"language\": \"en\", \"conversation_id\": \"01JD5Z0ASSISTCONVERSATION1\"}")));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
				.withRequestBody(equalToJson("{\"text\": \"turn on the kitchen light\", \"language\": \"en\"}")));
	}

	@Test
	void aRefusedTokenIsLoggedOnceNamingTheKeyButNeverTheToken(CapturedOutput output) {
		HomeAssistantClient wrongToken = new HomeAssistantClient(new HomeAssistantSettings(homeAssistant.url(),
				"wrong-secret-token", 2, 300, HomeAssistantSettings.SUPPORTED_DOMAINS, List.of(), 100, "llm"),
				this.json);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(HomeAssistantException.class).isThrownBy(wrongToken::states)
				.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(Failure.UNAUTHORIZED))
				.withMessageContaining("[home_assistant] token (HOME_ASSISTANT_TOKEN)")
				.withMessageNotContaining("wrong-secret-token");
		}
		assertThat(wrongToken.reachable()).isFalse();
		assertThat(output.getAll()).doesNotContain("wrong-secret-token");
		assertThat(output.getAll().lines().filter((line) -> line.contains("refused the token"))).singleElement()
			.asString()
			.contains("[home_assistant] token (HOME_ASSISTANT_TOKEN)");
	}

	@Test
	void aSlowAnswerTimesOut() {
		homeAssistant.server()
			.stubFor(get(urlEqualTo("/api/states")).atPriority(1)
				.willReturn(aResponse().withStatus(200).withBody("[]").withFixedDelay(4_000)));
		assertThatExceptionOfType(HomeAssistantException.class).isThrownBy(this.client::states)
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(Failure.TIMEOUT));
	}

	@Test
	void homeAssistantDownIsUnreachable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		HomeAssistantClient down = new HomeAssistantClient(HomeTestData.settings("http://127.0.0.1:" + closedPort),
				this.json);
		assertThatExceptionOfType(HomeAssistantException.class)
			.isThrownBy(() -> down.converse("turn on the light", "en", null))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(Failure.UNREACHABLE));
		assertThat(down.reachable()).isFalse();
	}

	@Test
	void anAnswerBeyondItsLimitIsRefusedNotHeld() {
		homeAssistant.server()
			.stubFor(post(urlEqualTo("/api/conversation/process")).atPriority(1)
				.willReturn(HomeAssistantStubs.json("\"" + "x".repeat(2 * 1024 * 1024) + "\"")));
		assertThatExceptionOfType(HomeAssistantException.class)
			.isThrownBy(() -> this.client.converse("hello", "en", null))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(Failure.MALFORMED));
	}

	@Test
	void somethingThatIsNotHomeAssistantsJsonIsMalformed() {
		homeAssistant.server()
			.stubFor(get(urlEqualTo("/api/states")).atPriority(1)
				.willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));
		assertThatExceptionOfType(HomeAssistantException.class).isThrownBy(this.client::states)
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(Failure.MALFORMED));
	}

	@Test
	void isReachableWhenTheApiAnswersWithTheToken() {
		assertThat(this.client.reachable()).isTrue();
	}

}

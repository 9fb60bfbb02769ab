package com.homemadealexa.homeassistant;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.http.Fault;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.llm.OpenAiToolSchema;
import com.homemadealexa.skill.SkillCatalog;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code home_assistant} skill over the production client, against a loopback Home
 * Assistant: what is called for each command, and what is said when it cannot be done.
 */
class HomeAssistantSkillTest {

	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-01T10:00:00+01:00[Europe/Warsaw]");

	@RegisterExtension
	static final LoopbackHomeAssistant homeAssistant = new LoopbackHomeAssistant();

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicLong nanos = new AtomicLong();

	private HomeEntities entities;

	@Test
	void turnsOffOneEntityByItsSpokenName() {
		SkillResult result = run(Locale.US, "{\"action\": \"turn_off\", \"name\": \"the kitchen light\"}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_off"))
				.withRequestBody(equalToJson("{\"entity_id\": \"light.kitchen\"}")));
		assertThat(result.phrases()).contains("Turning off Kitchen Light.");
	}

	@Test
	void takesTheEntityTheModelChoseFromTheList() {
		SkillResult result = run(Locale.US, "{\"action\": \"turn_on\", \"entity\": \"Coffee Maker\"}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/switch/turn_on"))
				.withRequestBody(equalToJson("{\"entity_id\": \"switch.coffee_maker\"}")));
		assertThat(result.phrases()).contains("Turning on Coffee Maker.");
	}

	@Test
	void aPluralSwitchesTheGroupInOneCall() {
		SkillResult result = run(Locale.US, "{\"action\": \"turn_on\", \"name\": \"the kitchen lights\"}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_on"))
				.withRequestBody(equalToJson("{\"entity_id\": [\"light.kitchen\", \"light.kitchen_ceiling\"]}")));
		assertThat(result.phrases()).contains("Turning on Kitchen Light and Ceiling.");
	}

	@Test
	void setsBrightnessPositionAndTemperature() {
		run(Locale.US, "{\"action\": \"set\", \"name\": \"kitchen light\", \"value\": 40}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/light/turn_on"))
				.withRequestBody(equalToJson("{\"entity_id\": \"light.kitchen\", \"brightness_pct\": 40}")));
		run(Locale.US, "{\"action\": \"set\", \"name\": \"the blinds in the living room\", \"value\": 30}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/cover/set_cover_position"))
				.withRequestBody(equalToJson("{\"entity_id\": \"cover.living_room_blinds\", \"position\": 30}")));
		SkillResult heating = run(Locale.US, "{\"action\": \"set\", \"name\": \"the heating\", \"value\": 21}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/climate/set_temperature"))
				.withRequestBody(equalToJson("{\"entity_id\": \"climate.hallway\", \"temperature\": 21}")));
		assertThat(heating.phrases()).containsExactly("Setting Thermostat to 21 degrees.");
	}

	@Test
	void speaksPolishWithTheRightFormOfTheUnit() {
		assertThat(
				run(PhrasesTestData.POLISH, "{\"action\": \"set\", \"name\": \"ogrzewanie\", \"value\": 22}").phrases())
			.containsExactly("Ustawiam: Thermostat na 22 stopnie.");
		assertThat(run(PhrasesTestData.POLISH, "{\"action\": \"set\", \"name\": \"ogrzewanie\", \"value\": 21.5}")
			.phrases()).containsExactly("Ustawiam: Thermostat na 21,5 stopnia.");
		assertThat(run(PhrasesTestData.POLISH, "{\"action\": \"close\", \"name\": \"roletę w sypialni\"}").phrases())
			.containsExactly("Zamykam: Roleta w sypialni.");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/cover/close_cover"))
				.withRequestBody(equalToJson("{\"entity_id\": \"cover.sypialnia\"}")));
	}

	@Test
	void anAmbiguousNameGetsAQuestionAndSwitchesNothing() {
		SkillResult result = run(Locale.US, "{\"action\": \"turn_on\", \"name\": \"the light\"}");
		assertThat(result.phrases().getFirst()).startsWith("Which one do you mean: ")
			.contains("Kitchen Light")
			.contains("Bedroom Lamp")
			.contains(" or ");
		assertThat(result.end()).isFalse();
		SkillResult polish = run(PhrasesTestData.POLISH, "{\"action\": \"turn_on\", \"name\": \"światło\"}");
		assertThat(polish.phrases().getFirst()).startsWith("Które urządzenie: ").contains(" czy ");
		homeAssistant.server().verify(0, postRequestedFor(urlPathMatching("/api/services/.*")));
	}

	@Test
	void anUnknownNameIsSaidSoAfterReadingTheEntitiesAgain() {
		this.nanos.addAndGet(Duration.ofSeconds(HomeEntities.ON_DEMAND_PAUSE_SECONDS + 1).toNanos());
		SkillResult result = run(Locale.US, "{\"action\": \"turn_on\", \"name\": \"the garage door\"}");
		assertThat(result.phrases()).containsExactly("I don't know a device called the garage door.");
		assertThat(run(PhrasesTestData.POLISH, "{\"action\": \"turn_on\", \"name\": \"piekarnik\"}").phrases())
			.containsExactly("Nie znam urządzenia o nazwie piekarnik.");
		homeAssistant.server().verify(0, postRequestedFor(urlPathMatching("/api/services/.*")));
		// Once at start, once on demand; the second unknown name came within the pause.
		homeAssistant.server().verify(2, getRequestedFor(urlEqualTo("/api/states")));
	}

	@Test
	void aNewEntityIsFoundByReadingTheEntitiesOnDemand() {
		HomeAssistantSkill skill = skill(HomeTestData.settings(homeAssistant.url()), Locale.US);
		homeAssistant.server()
			.stubFor(get(urlEqualTo("/api/states")).atPriority(1)
				.willReturn(HomeAssistantStubs.json("[{\"entity_id\": \"cover.garage\", \"state\": \"closed\","
						+ " \"attributes\": {\"friendly_name\": \"Garage Door\", \"device_class\": \"garage\"}}]")));
		this.nanos.addAndGet(Duration.ofSeconds(HomeEntities.ON_DEMAND_PAUSE_SECONDS + 1).toNanos());
		assertThat(skill.claims(Map.of("action", "open", "name", "the garage door"))).isTrue();
		execute(skill, Locale.US, "{\"action\": \"open\", \"name\": \"the garage door\"}");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/services/cover/open_cover"))
				.withRequestBody(equalToJson("{\"entity_id\": \"cover.garage\"}")));
	}

	@Test
	void claimsLocalMatchesOnlyForNamesHomeAssistantHas() {
		HomeAssistantSkill skill = skill(HomeTestData.settings(homeAssistant.url()), Locale.US);
		assertThat(skill.claims(Map.of("action", "turn_on", "name", "kitchen light"))).isTrue();
		assertThat(skill.claims(Map.of("action", "turn_on", "name", "the lights"))).isTrue();
		assertThat(skill.claims(Map.of("action", "turn_on", "name", "the toaster"))).isFalse();
		assertThat(skill.claims(Map.of("name", "kitchen light"))).isFalse();
	}

	@Test
	void openingSomethingThatIsNotACoverIsRefused() {
		assertThat(run(Locale.US, "{\"action\": \"open\", \"name\": \"coffee maker\"}").phrases())
			.containsExactly("Coffee Maker can't do that.");
		assertThat(run(Locale.US, "{\"action\": \"set\", \"name\": \"the heating\", \"value\": 90}").phrases())
			.containsExactly("I can't set Thermostat to that value.");
		homeAssistant.server().verify(0, postRequestedFor(urlPathMatching("/api/services/.*")));
	}

	@Test
	void theModelSeesTheExposedNamesBoundedAndFiltered() {
		HomeAssistantSkill all = skill(HomeTestData.settings(homeAssistant.url()), Locale.US);
		assertThat(names(all)).contains("Kitchen Light", "Coffee Maker", "Thermostat", "Roleta w sypialni");
		HomeAssistantSkill bounded = skill(new HomeAssistantSettings(homeAssistant.url(), HomeTestData.TOKEN, 2, 300,
				List.of("light"), List.of("kitchen"), 1, "llm"), Locale.US);
		assertThat(names(bounded)).containsExactly("Ceiling");
		HomeAssistantSkill lights = skill(new HomeAssistantSettings(homeAssistant.url(), HomeTestData.TOKEN, 2, 300,
				List.of("light"), List.of(), 100, "llm"), Locale.US);
		assertThat(names(lights)).containsExactly("Bedroom Lamp", "Ceiling", "Kitchen Light");
		// An entity outside the filter is not controlled either.
		assertThat(lights.claims(Map.of("action", "turn_on", "name", "coffee maker"))).isFalse();
	}

	@Test
	void aServiceErrorIsAnApology() {
		homeAssistant.stubs().serviceFails("light", "turn_off", 500, "Unexpected error");
		assertThat(run(Locale.US, "{\"action\": \"turn_off\", \"name\": \"kitchen light\"}").phrases())
			.containsExactly("Sorry, Home Assistant couldn't do that.");
	}

	@Test
	void aRefusedTokenIsAnApology() {
		HomeAssistantSkill skill = skill(HomeTestData.settings(homeAssistant.url()), PhrasesTestData.POLISH);
		homeAssistant.server().stubFor(post(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(401)));
		assertThat(execute(skill, PhrasesTestData.POLISH, "{\"action\": \"turn_off\", \"name\": \"kitchen light\"}")
			.phrases()).containsExactly("Przepraszam, Home Assistant odmówił mi dostępu. Trzeba sprawdzić token.");
	}

	@Test
	void aSlowHomeAssistantIsAnApology() {
		HomeAssistantSkill skill = skill(HomeTestData.settings(homeAssistant.url()), Locale.US);
		homeAssistant.server()
			.stubFor(post(urlEqualTo("/api/services/light/turn_off")).atPriority(1)
				.willReturn(HomeAssistantStubs.json("[]").withFixedDelay(4_000)));
		assertThat(execute(skill, Locale.US, "{\"action\": \"turn_off\", \"name\": \"kitchen light\"}").phrases())
			.containsExactly("Sorry, Home Assistant is taking too long to answer.");
	}

	@Test
	void homeAssistantGoneAfterStartIsAnApologyWithTheLastListKept() {
		HomeAssistantSkill skill = skill(HomeTestData.settings(homeAssistant.url()), Locale.US);
		homeAssistant.server()
			.stubFor(any(urlPathMatching("/api/.*")).atPriority(1)
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(this.entities.refresh()).isFalse();
		assertThat(this.entities.exposed()).isNotEmpty();
		assertThat(execute(skill, Locale.US, "{\"action\": \"turn_off\", \"name\": \"kitchen light\"}").phrases())
			.containsExactly("Sorry, Home Assistant isn't answering right now.");
	}

	@Test
	void aFailingHomeAssistantIsAskedAgainOnDemandOnlyAfterALongerPause() {
		HomeAssistantSkill skill = skill(HomeTestData.settings(homeAssistant.url()), Locale.US);
		homeAssistant.server()
			.stubFor(any(urlPathMatching("/api/.*")).atPriority(1)
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(this.entities.refresh()).isFalse();
		homeAssistant.server().resetRequests();
		this.nanos.addAndGet(Duration.ofSeconds(HomeEntities.ON_DEMAND_PAUSE_SECONDS + 1).toNanos());
		assertThat(skill.claims(Map.of("action", "turn_on", "name", "the toaster"))).isFalse();
		homeAssistant.server().verify(0, getRequestedFor(urlEqualTo("/api/states")));
		this.nanos.addAndGet(Duration.ofSeconds(HomeEntities.ON_DEMAND_PAUSE_WHEN_FAILING_SECONDS).toNanos());
		assertThat(skill.claims(Map.of("action", "turn_on", "name", "the toaster"))).isFalse();
		// Asked again (the JDK client retries a GET once on a reset connection).
		assertThat(homeAssistant.server().findAll(getRequestedFor(urlEqualTo("/api/states")))).isNotEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<String> names(HomeAssistantSkill skill) {
		Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) OpenAiToolSchema
			.of(skill.parameters())
			.get("properties");
		return (List<String>) properties.get(HomeAssistantSkill.ENTITY).get("enum");
	}

	private SkillResult run(Locale locale, String argumentsJson) {
		return execute(skill(HomeTestData.settings(homeAssistant.url()), locale), locale, argumentsJson);
	}

	private SkillResult execute(HomeAssistantSkill skill, Locale locale, String argumentsJson) {
		SkillCatalog catalog = new SkillCatalog(List.of(skill), this.json);
		return skill.execute(catalog.validate(skill, argumentsJson), new SkillContext("kitchen", locale, NOW));
	}

	private HomeAssistantSkill skill(HomeAssistantSettings settings, Locale locale) {
		HomeAssistantClient client = new HomeAssistantClient(settings, this.json);
		this.entities = new HomeEntities(client, settings, this.nanos::get);
		assertThat(this.entities.refresh()).isTrue();
		return new HomeAssistantSkill(this.entities, client, settings, PhrasesTestData.phrases(locale));
	}

}

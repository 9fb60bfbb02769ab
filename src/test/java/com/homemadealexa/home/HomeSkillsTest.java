package com.homemadealexa.home;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.homemadealexa.home.MqttTestData.Received;
import com.homemadealexa.home.MqttTestData.Subscriber;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.llm.OpenAiToolSchema;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.homemadealexa.i18n.PhrasesTestData.ENGLISH;
import static com.homemadealexa.i18n.PhrasesTestData.POLISH;
import static com.homemadealexa.skill.SkillContextTestData.arguments;
import static com.homemadealexa.skill.SkillContextTestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lights and TV against a real mosquitto broker.
 */
class HomeSkillsTest {

	private static final String NOW = "2026-11-23T20:15";

	@TempDir
	static Path brokerFolder;

	static MosquittoBroker broker;

	static Subscriber subscriber;

	static PahoMqttPublisher publisher;

	private final Phrases phrases = PhrasesTestData.phrases();

	@BeforeAll
	static void startBroker() throws Exception {
		broker = MosquittoBroker.start(brokerFolder);
		subscriber = new Subscriber(broker.url());
		publisher = new PahoMqttPublisher(MqttTestData.settings(broker.url()));
		publisher.start();
	}

	@AfterAll
	static void stopBroker() throws Exception {
		publisher.stop();
		subscriber.close();
		broker.close();
	}

	@BeforeEach
	void forgetMessages() {
		subscriber.received.clear();
	}

	@Test
	void switchesTheLightOnWithTheConfiguredPayload() {
		SkillResult result = lights(List.of(MqttTestData.LAMP, MqttTestData.TV)).execute(arguments("state", "on"),
				at(POLISH, NOW));

		assertThat(result.phrases()).contains("Włączam światło.");
		assertThat(result.label()).isEqualTo("lights on");
		assertThat(result.end()).isFalse();
		awaitReceived(new Received("cmnd/tasmota_lamp/Power1", "ON"));
	}

	@Test
	void switchesTheLightOffInEnglish() {
		SkillResult result = lights(List.of(MqttTestData.LAMP)).execute(arguments("state", "off"), at(ENGLISH, NOW));

		assertThat(result.phrases()).contains("Turning the light off.");
		awaitReceived(new Received("cmnd/tasmota_lamp/Power1", "OFF"));
	}

	@Test
	void switchesTheTvWithItsJsonCommands() {
		TvSkill tv = new TvSkill(publisher, MqttTestData.settings(broker.url()), this.phrases);

		SkillResult on = tv.execute(arguments("state", "on"), at(POLISH, NOW));
		SkillResult off = tv.execute(arguments("state", "off"), at(ENGLISH, NOW));

		assertThat(on.phrases()).contains("Włączam telewizor.");
		assertThat(off.phrases()).contains("Turning the TV off.");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(subscriber.received).containsExactly(
					new Received("tv/command", "{\"command\": \"power_on\"}"),
					new Received("tv/command", "{\"command\": \"power_off\"}")));
	}

	@Test
	void switchesOnlyTheNamedLightAmongSeveral() {
		LightsSkill skill = lights(List.of(MqttTestData.LAMP, MqttTestData.DESK, MqttTestData.TV));

		SkillResult result = skill.execute(arguments("state", "on", "device", "desk lamp"), at(POLISH, NOW));

		assertThat(result.phrases()).contains("Włączam światło: desk lamp.");
		awaitReceived(new Received("cmnd/tasmota_desk/Power1", "1"));
		assertThat(subscriber.received).extracting(Received::topic).doesNotContain("cmnd/tasmota_lamp/Power1");
	}

	@Test
	void switchesAllLightsWhenNoneIsNamed() {
		LightsSkill skill = lights(List.of(MqttTestData.LAMP, MqttTestData.DESK));

		SkillResult result = skill.execute(arguments("state", "off"), at(ENGLISH, NOW));

		assertThat(result.phrases()).contains("Turning the light off.");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(subscriber.received).containsExactlyInAnyOrder(
					new Received("cmnd/tasmota_lamp/Power1", "OFF"), new Received("cmnd/tasmota_desk/Power1", "0")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void offersTheConfiguredLightNamesAsAnOptionalDevice() {
		Map<String, Object> one = OpenAiToolSchema.of(lights(List.of(MqttTestData.LAMP, MqttTestData.TV)).parameters());
		Map<String, Object> two = OpenAiToolSchema
			.of(lights(List.of(MqttTestData.LAMP, MqttTestData.DESK, MqttTestData.TV)).parameters());
		Map<String, Object> none = OpenAiToolSchema.of(lights(List.of(MqttTestData.TV)).parameters());

		Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) two.get("properties");
		assertThat(properties).containsOnlyKeys("state", "device");
		assertThat(properties.get("device").get("enum")).isEqualTo(List.of("lamp", "desk lamp"));
		assertThat(properties.get("state").get("enum")).isEqualTo(List.of("on", "off"));
		assertThat(two.get("required")).isEqualTo(List.of("state"));
		assertThat(((Map<String, Map<String, Object>>) one.get("properties")).get("device").get("enum"))
			.isEqualTo(List.of("lamp"));
		assertThat(one.get("required")).isEqualTo(List.of("state"));
		assertThat((Map<String, Object>) none.get("properties")).containsOnlyKeys("state");
	}

	@Test
	void namingTheOnlyLightSwitchesIt() {
		SkillResult result = lights(List.of(MqttTestData.LAMP)).execute(arguments("state", "on", "device", "lamp"),
				at(POLISH, NOW));

		assertThat(result.phrases()).contains("Włączam światło.");
		awaitReceived(new Received("cmnd/tasmota_lamp/Power1", "ON"));
	}

	@Test
	void saysSoWhenNoDeviceOfTheKindIsConfigured() {
		LightsSkill lights = lights(List.of(MqttTestData.TV));
		TvSkill tv = new TvSkill(publisher, MqttTestData.settings(broker.url(), List.of(MqttTestData.LAMP)),
				this.phrases);

		assertThat(lights.execute(arguments("state", "on"), at(POLISH, NOW)).phrases())
			.containsExactly("Nie mam skonfigurowanego żadnego światła.");
		assertThat(tv.execute(arguments("state", "on"), at(ENGLISH, NOW)).phrases())
			.containsExactly("I don't have a TV set up.");
	}

	@Test
	void describesItselfInBothLanguages() {
		LightsSkill lights = lights(List.of(MqttTestData.LAMP));
		TvSkill tv = new TvSkill(publisher, MqttTestData.settings(broker.url()), this.phrases);

		assertThat(lights.name()).isEqualTo("lights");
		assertThat(tv.name()).isEqualTo("tv");
		assertThat(lights.description(POLISH)).contains("światło");
		assertThat(lights.description(ENGLISH)).contains("light");
		assertThat(tv.description(POLISH)).contains("telewizor");
		assertThat(tv.description(ENGLISH)).contains("TV");
	}

	private LightsSkill lights(List<MqttSettings.Device> devices) {
		return new LightsSkill(publisher, MqttTestData.settings(broker.url(), devices), this.phrases);
	}

	private static void awaitReceived(Received expected) {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subscriber.received).contains(expected));
	}

}

package com.homemadealexa.skill.builtin;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.homemadealexa.home.MqttSettings;
import com.homemadealexa.llm.OpenAiToolSchema;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.weather.WeatherSettings;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skills, their settings and their phrases as the application wires them from the
 * shipped config.toml and Boot's message source (no broker, no weather call).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SkillBeansTest {

	private static final List<String> SKILLS = List.of("wake_name", "stop", "new_topic", "get_time", "get_date",
			"small_talk", "say", "get_weather", "lights", "tv");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
	}

	@Autowired
	List<Skill> skills;

	@Autowired
	MqttSettings mqtt;

	@Autowired
	WeatherSettings weather;

	@Test
	void offersEverySkillWithADescriptionInBothLanguages() {
		Map<String, Skill> byName = this.skills.stream().collect(Collectors.toMap(Skill::name, Function.identity()));

		assertThat(byName).containsKeys(SKILLS.toArray(String[]::new));
		for (String name : SKILLS) {
			Skill skill = byName.get(name);
			String polish = skill.description(Locale.forLanguageTag("pl-PL"));
			String english = skill.description(Locale.forLanguageTag("en-US"));
			assertThat(polish).as(name).isNotBlank().isNotEqualTo(english).doesNotContain("{0}");
			assertThat(english).as(name).isNotBlank().doesNotContain("{0}");
			assertThat(OpenAiToolSchema.of(skill.parameters())).as(name).containsEntry("type", "object");
		}
		assertThat(byName.get("wake_name").description(Locale.forLanguageTag("pl-PL"))).contains("Alexa");
		assertThat(byName.get("get_weather").description(Locale.forLanguageTag("en-US"))).contains("Warszawa");
	}

	@Test
	void bindsTheShippedDevicesAndWeatherPlace() {
		assertThat(this.mqtt.configured()).isFalse();
		assertThat(this.mqtt.devices()).extracting(MqttSettings.Device::name, MqttSettings.Device::kind)
			.containsExactly(Tuple.tuple("lamp", MqttSettings.Kind.LIGHT), Tuple.tuple("tv", MqttSettings.Kind.TV));
		assertThat(this.mqtt.devices(MqttSettings.Kind.TV).getFirst().payloadOn())
			.isEqualTo("{\"command\": \"power_on\"}");
		assertThat(this.weather.place()).isEqualTo("Warszawa");
		assertThat(this.weather.usesOpenWeatherMap()).isFalse();
		assertThat(this.weather.timeoutSeconds()).isEqualTo(5);
	}

}

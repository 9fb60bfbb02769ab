package com.homemadealexa.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.homemadealexa.homeassistant.HomeAssistantSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code [home_assistant]}, a section whose name has an underscore: shipped empty, and
 * every key overridable by {@code HOME_ASSISTANT_*} variables.
 */
class HomeAssistantSectionTest {

	private static final Path NO_FILE = Path.of("does-not-exist", "config.toml");

	@Test
	void isShippedUnconfigured() {
		HomeAssistantSettings settings = bind(TomlConfigFile.load(NO_FILE, false));
		assertThat(settings.configured()).isFalse();
		assertThat(settings.token()).isEmpty();
		assertThat(settings.domains()).containsExactlyElementsOf(HomeAssistantSettings.SUPPORTED_DOMAINS);
		assertThat(settings.prefer()).isEqualTo("llm");
	}

	@Test
	void theEnvironmentSetsTheUrlTokenAndLists(@TempDir Path folder) throws IOException {
		Map<String, Object> variables = Map.of("HOME_ASSISTANT_URL", "http://ha.local:8123", "HOME_ASSISTANT_TOKEN",
				"eyJ-token", "HOME_ASSISTANT_DOMAINS", "light,cover", "HOME_ASSISTANT_AREAS", "Kitchen,Living room",
				"HOME_ASSISTANT_PREFER", "home_assistant");
		Path emptyFile = Files.writeString(folder.resolve("config.toml"), "");
		HomeAssistantSettings settings = Binder.get(ProcessEnvironment.with(emptyFile, variables))
			.bind("home-assistant", HomeAssistantSettings.class)
			.get();
		assertThat(settings.url()).isEqualTo("http://ha.local:8123");
		assertThat(settings.token()).isEqualTo("eyJ-token");
		assertThat(settings.domains()).isEqualTo(List.of("light", "cover"));
		assertThat(settings.areas()).isEqualTo(List.of("Kitchen", "Living room"));
		assertThat(settings.prefersAssist()).isTrue();
		assertThat(settings.toString()).doesNotContain("eyJ-token");
	}

	@Test
	void anEmptyVariableEmptiesAListTheFileSets(@TempDir Path folder) throws IOException {
		Path file = Files.writeString(folder.resolve("config.toml"), "[home_assistant]\nareas = [\"Kitchen\"]\n");
		HomeAssistantSettings settings = Binder.get(ProcessEnvironment.with(file, Map.of("HOME_ASSISTANT_AREAS", "")))
			.bind("home-assistant", HomeAssistantSettings.class)
			.get();
		assertThat(settings.areas()).isEmpty();
	}

	private static HomeAssistantSettings bind(Map<String, Object> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("home-assistant", HomeAssistantSettings.class)
			.get();
	}

}

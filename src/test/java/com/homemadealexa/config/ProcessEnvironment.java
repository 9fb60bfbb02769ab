package com.homemadealexa.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring's environment as the server builds it before binding (the process environment,
 * then {@code config.toml} through {@link TomlConfigEnvironmentPostProcessor}), with
 * given variables in place of the real process environment.
 */
final class ProcessEnvironment {

	private ProcessEnvironment() {
	}

	static ConfigurableEnvironment with(Path configFile, Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--config=" + configFile));
		new TomlConfigEnvironmentPostProcessor(Supplier::get).postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

}

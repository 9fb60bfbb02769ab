package com.homemadealexa.config;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Makes {@code config.toml} part of Spring's environment, so every feature binds plain
 * typed records. The file is chosen by {@code --config=PATH}, the {@code ALEXA_CONFIG}
 * environment variable, or defaults to {@code ./config.toml}.
 */
class TomlConfigEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "configToml";

	private final Log log;

	TomlConfigEnvironmentPostProcessor(DeferredLogFactory logs) {
		// Logging is not set up yet: these lines are written once it is.
		this.log = logs.getLog(TomlConfigEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String chosen = environment.getProperty("config", System.getenv("ALEXA_CONFIG"));
		Path file = Path.of((chosen == null || chosen.isBlank()) ? "config.toml" : chosen);
		// An unknown section or key is a warning, not a failure: see UnknownKeys.
		Map<String, Object> properties = TomlConfigFile.load(file, chosen != null && !chosen.isBlank(), this.log::warn);
		// [server] host is Spring's server.address; SERVER_HOST overrides the file's.
		Object host = environment.getProperty("server.host", Object.class, properties.get("server.host"));
		if (host != null) {
			properties.putIfAbsent("server.address", host);
		}
		properties.put("alexa.config-file", file.toAbsolutePath().toString());
		MutablePropertySources sources = environment.getPropertySources();
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
		// Below the environment and command line, above application.properties.
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addLast(source);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

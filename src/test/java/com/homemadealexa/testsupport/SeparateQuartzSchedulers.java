package com.homemadealexa.testsupport;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own Quartz scheduler name. Quartz registers a
 * scheduler's DataSource JVM-wide under that name, so contexts that share a test JVM
 * would otherwise use one another's database. A test that restarts the application on the
 * same database sets the name itself, and keeps it.
 */
class SeparateQuartzSchedulers implements EnvironmentPostProcessor {

	private static final String NAME = "spring.quartz.scheduler-name";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("testQuartzSchedulerName", Map.of(NAME, "test-" + UUID.randomUUID())));
		}
	}

}

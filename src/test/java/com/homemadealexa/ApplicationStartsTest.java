package com.homemadealexa;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartsTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
	}

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void startsOnTheShippedConfigurationAndCreatesItsDatabase() {
		assertThat(this.environment.getProperty("assistant.language")).isEqualTo("pl-PL");
		assertThat(this.jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
		assertThat(dataDir.resolve("alexa.db")).exists();
	}

}

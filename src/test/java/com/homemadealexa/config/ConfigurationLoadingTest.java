package com.homemadealexa.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.homemadealexa.HomemadeAlexaApplication;
import com.homemadealexa.auth.AuthSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(OutputCaptureExtension.class)
class ConfigurationLoadingTest {

	@TempDir
	Path folder;

	@Test
	void startsWithTheFileNamedByTheConfigArgument(CapturedOutput output) throws IOException {
		Path file = write("""
				[data]
				dir = '%s'

				[assistent]
				name = "typo"

				[assistant]
				language = "en-US"
				name = "Jarvis"

				[auth]
				jwt_expire_days = 7
				""".formatted(this.folder.resolve("data")));
		try (ConfigurableApplicationContext context = application().run("--config=" + file, "--server.port=0")) {
			assertThat(context.getBean(AssistantSettings.class).name()).isEqualTo("Jarvis");
			assertThat(context.getBean(AssistantSettings.class).language()).isEqualTo("en-US");
			assertThat(context.getBean(AuthSettings.class).jwtExpireDays()).isEqualTo(7);
			// Keys the file leaves out keep the shipped defaults.
			assertThat(context.getBean(AuthSettings.class).maxFailedLogins()).isEqualTo(5);
			assertThat(context.getEnvironment().getProperty("openai.model")).isEqualTo("gpt-4.1");
			// The data folder comes from the file too: the JWT secret was generated
			// there.
			assertThat(this.folder.resolve("data").resolve("jwt-secret")).exists();
			// Start-up says which section was ignored, then where things are and what is
			// missing.
			assertThat(output)
				.contains("config.toml: unknown section [assistent] is ignored (did you mean [assistant]?).");
			String summary = output.getOut().substring(output.getOut().indexOf("Homemade Alexa is ready:"));
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			assertThat(summary).contains(":" + port + "/alexa/", ":" + port + "/console/", file.toString(),
					this.folder.resolve("data").toString(), "not configured:", "[openai] api_key", "[audio_server] url",
					"./alexa audio-server", "[auth] password_hash", "[mqtt] url");
			assertThat(output.getOut().indexOf("Homemade Alexa is ready:"))
				.isGreaterThan(output.getOut().indexOf("Started "));
		}
	}

	@Test
	void failsStartUpOnAValueOfTheWrongTypeWithTheSameOneSentence() throws IOException {
		Path file = write("""
				[data]
				dir = '%s'

				[auth]
				jwt_expire_days = "abc"
				""".formatted(this.folder.resolve("data")));
		Throwable failure = catchThrowable(() -> application().run("--config=" + file, "--server.port=0").close());
		FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(
				"Configuration key [auth] jwt_expire_days (AUTH_JWT_EXPIRE_DAYS) must be a whole number (it is 'abc').");
	}

	@Test
	void aServerPortOfTheWrongTypeGetsTheSameOneSentence() throws IOException {
		Path file = write("""
				[server]
				port = "abc"
				""");
		Throwable failure = catchThrowable(() -> application().run("--config=" + file).close());
		FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.isEqualTo("Configuration key [server] port (SERVER_PORT) must be a whole number (it is 'abc').");
	}

	@Test
	void aSyntaxErrorNamesTheLineAndColumn() throws IOException {
		Path file = write("[server]\nport = 8080\n\n[assistant]\n  name = = \"Alexa\"\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> TomlConfigFile.load(file, true))
			.withMessageStartingWith("The configuration file " + file + " is not valid TOML at line 5, column ")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n").endsWith("."));
	}

	@Test
	void aSyntaxErrorAtALineEndStaysOneLine() throws IOException {
		Path file = write("[auth\nusername = ");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> TomlConfigFile.load(file, true))
			.withMessageContaining("at line 1, column 6")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void failsStartUpOnABadValueWithOneSentenceNamingTheKey() throws IOException {
		Path file = write("""
				[data]
				dir = '%s'

				[auth]
				jwt_expire_days = 0
				""".formatted(this.folder.resolve("data")));
		Throwable failure = catchThrowable(() -> application().run("--config=" + file, "--server.port=0").close());
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("[auth] jwt_expire_days")
			.contains("AUTH_JWT_EXPIRE_DAYS")
			.doesNotContain("\n");
	}

	@Test
	void failsStartUpWhenTheNamedFileIsMissing() {
		Path missing = this.folder.resolve("nowhere.toml");
		Throwable failure = catchThrowable(() -> application().run("--config=" + missing, "--server.port=0").close());
		FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("nowhere.toml").contains("does not exist");
	}

	@Test
	void environmentOverridesTheFileAndReplacesWholeLists() throws IOException {
		Path file = write("""
				[auth]
				jwt_secret = "from-the-file-from-the-file-from-the-file"
				""");
		Map<String, Object> variables = Map.of("AUTH_JWT_SECRET", "from-the-environment-from-the-environment",
				"SERVER_TRUSTED_NETWORKS", "10.0.0.0/8,192.168.0.0/16", "SERVER_HOST", "127.0.0.1");
		Binder binder = Binder.get(ProcessEnvironment.with(file, variables));
		assertThat(binder.bind("auth", AuthSettings.class).get().jwtSecret())
			.isEqualTo("from-the-environment-from-the-environment");
		assertThat(binder.bind("server", ServerSettings.class).get().trustedNetworks()).containsExactly("10.0.0.0/8",
				"192.168.0.0/16");
		// [server] host is where Spring's server.address comes from.
		assertThat(binder.bind("server.address", String.class).get()).isEqualTo("127.0.0.1");
	}

	@Test
	void fileOverridesTheDefaultsAndReplacesWholeLists() throws IOException {
		Path file = write("""
				[server]
				port = 9090
				trusted_networks = ["192.168.1.0/24"]
				""");
		Map<String, Object> properties = TomlConfigFile.load(file, true);
		assertThat(properties).containsEntry("server.port", 9090)
			.containsEntry("server.trusted-networks[0]", "192.168.1.0/24")
			.doesNotContainKey("server.trusted-networks[1]")
			.containsEntry("auth.username", "admin")
			.containsEntry("mqtt.devices[0].name", "lamp");
	}

	@Test
	void usesTheDefaultsWhenTheImplicitFileIsAbsent() {
		Map<String, Object> properties = TomlConfigFile.load(this.folder.resolve("config.toml"), false);
		assertThat(properties).containsEntry("auth.jwt-expire-days", 30).containsEntry("assistant.language", "pl-PL");
	}

	@Test
	void refusesInvalidTomlInOneSentence() throws IOException {
		Path file = write("[auth\nusername = ");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> TomlConfigFile.load(file, true))
			.withMessageContaining(file.toString())
			.withMessageContaining("not valid TOML")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n").endsWith("."));
	}

	@Test
	void refusesAMissingExplicitFileInOneSentence() {
		Path missing = this.folder.resolve("missing.toml");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> TomlConfigFile.load(missing, true))
			.withMessageContaining("missing.toml")
			.withMessageContaining("does not exist")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void namesKeysAsTheUserWritesThem() {
		assertThat(ConfigurationFailureAnalyzer.tomlKey("auth.jwtExpireDays"))
			.isEqualTo("[auth] jwt_expire_days (AUTH_JWT_EXPIRE_DAYS)");
		assertThat(ConfigurationFailureAnalyzer.tomlKey("audio-server.timeout-seconds"))
			.isEqualTo("[audio_server] timeout_seconds (AUDIO_SERVER_TIMEOUT_SECONDS)");
	}

	private SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(HomemadeAlexaApplication.class).logStartupInfo(false);
	}

	private Path write(String toml) throws IOException {
		return Files.writeString(this.folder.resolve("config-" + System.nanoTime() + ".toml"), toml);
	}

}

package com.homemadealexa.reliability;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the server with every secret the configuration can hold, drives traffic that
 * succeeds and fails (logins right and wrong, providers that refuse the key and echo it
 * back, a speaker that is down), with debug logging on, and searches everything the
 * process printed, start-up included, for the secrets and for an issued token. Also
 * checks that no HTTP route hands the configuration out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.com.homemadealexa=DEBUG", "logging.level.org.springframework.security=DEBUG",
				"logging.level.org.springframework.web=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIT {

	// Shaped like a real key, but split so that secret scanners of the repository do not
	// flag it.
	static final String OPENAI_KEY = "sk-" + "test-SECRET123-openai-4f9c2a";

	static final String JWT_SECRET = "jwt-SECRET456-0123456789abcdefghijklmnopqrstuvwxyz";

	static final String AZURE_KEY = "azure-SECRET789-speech";

	static final String MQTT_PASSWORD = "mqtt-SECRET000-password";

	static final String WEATHER_KEY = "owm-SECRET111-weather";

	static final String PASSWORD = "webapp-SECRET222-password";

	static final String PASSWORD_HASH = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));

	// Providers that refuse the key and quote it back, the way some compatible servers
	// do: whatever the server logs about the failure must still not contain it.
	static final WireMockServer openAi = quietFake("{\"error\": {\"message\": \"Incorrect API key provided: "
			+ OPENAI_KEY + "\", \"type\": \"invalid_request_error\"}}");

	static final WireMockServer azure = quietFake("Invalid subscription key " + AZURE_KEY);

	@TempDir
	static Path folder;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void secrets(DynamicPropertyRegistry registry) {
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> folder.resolve("audio_log").toString());
		registry.add("openai.api-key", () -> OPENAI_KEY);
		registry.add("openai.base-url", () -> OpenAiSpeechStubs.baseUrl(openAi));
		registry.add("openai.timeout-seconds", () -> "2");
		registry.add("speech.tts-provider", () -> "azure");
		registry.add("speech.timeout-seconds", () -> "5");
		registry.add("azure.speech-key", () -> AZURE_KEY);
		registry.add("azure.endpoint", () -> AzureTtsStubs.endpoint(azure));
		registry.add("auth.jwt-secret", () -> JWT_SECRET);
		registry.add("auth.password-hash", () -> PASSWORD_HASH);
		registry.add("mqtt.url", () -> "tcp://127.0.0.1:" + Loopback.freePort());
		registry.add("mqtt.username", () -> "alexa");
		registry.add("mqtt.password", () -> MQTT_PASSWORD);
		registry.add("weather.openweathermap-api-key", () -> WEATHER_KEY);
		registry.add("weather.openweathermap-url", () -> "http://127.0.0.1:" + Loopback.freePort());
		registry.add("audio-server.url", () -> "http://127.0.0.1:" + Loopback.freePort());
		registry.add("audio-server.timeout-seconds", () -> "1");
		registry.add("assistant.language", () -> "en-US");
		// Weather and lights are answered locally, so their skills run and fail too.
		registry.add("assistant.prefer-local", () -> "true");
	}

	@AfterAll
	static void stopFakes() {
		openAi.stop();
		azure.stop();
	}

	@Test
	void noSecretAndNoTokenEverReachesTheLog(CapturedOutput output) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = JsonMapper.builder()
			.build()
			.readTree(login(http, "{\"password\": \"" + PASSWORD + "\"}").body())
			.get("token")
			.asString();
		login(http, "{\"password\": \"" + PASSWORD + "x\"}");
		login(http, "{\"username\": \"" + PASSWORD + "\", \"password\": \"" + PASSWORD + "\"}");
		login(http, "{\"username\": \"admin\", \"password\": \"" + MQTT_PASSWORD + "\"}");
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 500, 300);
		try (TestDevice device = TestDevice.connect(this.port).hello("secret-box")) {
			HttpResponse<String> spoken = http.send(HttpRequest.newBuilder(uri("/api/internal/stt"))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(pcm)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(spoken.statusCode()).isEqualTo(502);
			device.send("{\"event\": \"wakeword\"}");
		}
		HttpResponse<String> webapp = http.send(HttpRequest.newBuilder(uri("/api/public/stt"))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(pcm))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(webapp.statusCode()).isEqualTo(502);
		// The webapp socket carries the token in its URL, which framework debug lines
		// print.
		try (TestDevice tab = TestDevice.connect(this.port, "/ws/public?token=" + token).hello("secret-tab")) {
			tab.send("{\"event\": \"wakeword\"}");
		}
		for (String command : List.of("what's the weather", "turn on the lamp", "turn on the tv", "tell me a joke")) {
			HttpResponse<String> chat = http.send(HttpRequest.newBuilder(uri("/api/internal/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"" + command + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(chat.statusCode()).isEqualTo(200);
		}
		// A reminder makes the server speak without a device: Azure refuses the key, the
		// fallback voice speaks, the speaker is down.
		String due = LocalDateTime.now().plusSeconds(2).withNano(0).toString();
		HttpResponse<String> reminder = http.send(HttpRequest.newBuilder(uri("/api/internal/reminders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"scheduled_at\": \"" + due + "\", \"text\": \"x\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reminder.statusCode()).as(reminder.body()).isEqualTo(201);
		for (String route : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump",
				"/actuator/loggers", "/actuator/threaddump")) {
			HttpResponse<String> actuator = http.send(HttpRequest.newBuilder(uri(route)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(actuator.statusCode()).as(route).isEqualTo(404);
		}
		// Failures are logged on background threads; wait until the last one was.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getAll().contains("not spoken: the speaker refused the audio"));

		String everything = output.getAll();
		assertThat(everything).as("start-up was captured").contains("Started SecretsInLogsIT");
		assertThat(everything).as("the failures were logged").contains("failed at stage stt");
		for (String secret : List.of(OPENAI_KEY, JWT_SECRET, AZURE_KEY, MQTT_PASSWORD, WEATHER_KEY, PASSWORD,
				PASSWORD_HASH, token, token.substring(token.lastIndexOf('.') + 1))) {
			assertThat(everything).as("the log").doesNotContain(secret);
		}
		Figures.record("secrets-in-logs", "log lines searched", everything.lines().count());
		Figures.record("secrets-in-logs", "secrets searched for", 9);
	}

	private HttpResponse<String> login(HttpClient http, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/api/public/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return Loopback.uri(this.port, path);
	}

	/**
	 * A WireMock server that answers every request with 401 and this body, and says
	 * nothing itself (its own request log would show the key in the Authorization
	 * header).
	 */
	private static WireMockServer quietFake(String body) {
		WireMockServer server = new WireMockServer(
				wireMockConfig().dynamicPort().bindAddress("127.0.0.1").notifier(new Notifier() {

					@Override
					public void info(String message) {
					}

					@Override
					public void error(String message) {
					}

					@Override
					public void error(String message, Throwable t) {
					}

				}));
		server.start();
		server.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(body)));
		return server;
	}

}

package com.homemadealexa.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.LoopbackWireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/health} and {@code /actuator/prometheus} of the running server, with
 * providers in every state: the audio server listening on loopback, the model's host
 * refusing connections, the Azure voice and MQTT not configured, the weather service (a
 * loopback fake that knows no forecast) judged by its last call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorEndpointsTest {

	static final FakeAudioServer speaker = FakeAudioServer.start();

	static final WireMockServer weather = LoopbackWireMock.start();

	static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) throws IOException {
		String refused = "http://127.0.0.1:" + ReachabilityTest.closedPort() + "/v1";
		registry.add("openai.api-key", () -> "test-health-probe-key-never-sent");
		registry.add("openai.base-url", () -> refused);
		registry.add("speech.stt-provider", () -> "openai");
		registry.add("speech.tts-provider", () -> "azure");
		registry.add("azure.speech-key", () -> "");
		registry.add("mqtt.url", () -> "");
		registry.add("audio-server.url", speaker::url);
		registry.add("weather.open-meteo-url", () -> "http://127.0.0.1:" + weather.port());
		registry.add("weather.openweathermap-api-key", () -> "");
		registry.add("assistant.language", () -> "en-US");
		registry.add("assistant.prefer-local", () -> "true");
		registry.add("auth.password-hash", () -> BCrypt.hashpw("secret", BCrypt.gensalt(4)));
		registry.add("data.dir", () -> data.resolve("data").toString());
		registry.add("firmware.dir", () -> data.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> data.resolve("audio_log").toString());
	}

	@AfterAll
	static void stopFakes() {
		speaker.close();
		weather.stop();
	}

	@Test
	void healthReportsEachProviderAndStaysUpWhenSomeAreAway() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json.readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode providers = health.get("components").get("providers").get("components");
		assertThat(providers.propertyNames()).containsExactly("audio-server", "model", "mqtt", "speech-to-text",
				"voice", "weather");
		assertThat(providers.get("audio-server").get("status").asString()).isEqualTo("UP");
		assertThat(providers.get("audio-server").get("details").get("target").asString())
			.isEqualTo(URI.create(speaker.url()).getAuthority());
		assertThat(providers.get("weather").get("details").get("provider").asString()).isEqualTo("open-meteo");
		assertThat(providers.get("model").get("status").asString()).isEqualTo("UNREACHABLE");
		assertThat(providers.get("model").get("details").get("configured").asBoolean()).isTrue();
		assertThat(providers.get("model").get("details").get("reachable").asBoolean()).isFalse();
		assertThat(providers.get("speech-to-text").get("status").asString()).isEqualTo("UNREACHABLE");
		assertThat(providers.get("voice").get("status").asString()).isEqualTo("NOT_CONFIGURED");
		assertThat(providers.get("voice").get("details").get("detail").asString()).contains("azure.speech_key");
		assertThat(providers.get("mqtt").get("status").asString()).isEqualTo("NOT_CONFIGURED");
		assertThat(response.body()).doesNotContain("test-health-probe-key-never-sent");
		assertThat(get("/actuator/health/providers/model").body()).contains("UNREACHABLE");
	}

	@Test
	void theWeatherIsJudgedByItsLastCallAndNeverProbed() throws Exception {
		JsonNode before = json.readTree(get("/actuator/health/providers/weather").body());
		assertThat(before.get("status").asString()).isEqualTo("UP");
		assertThat(before.get("details").has("reachable")).isFalse();
		assertThat(before.get("details").get("detail").asString()).isEqualTo("Not asked for since start-up.");
		assertThat(weather.getAllServeEvents()).isEmpty();

		HttpResponse<String> asked = this.http.send(HttpRequest.newBuilder(uri("/api/internal/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"what's the weather\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(weather.getAllServeEvents()).isNotEmpty();
		JsonNode health = json.readTree(get("/actuator/health").body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode weatherHealth = health.get("components").get("providers").get("components").get("weather");
		assertThat(weatherHealth.get("status").asString()).isEqualTo("UNREACHABLE");
		assertThat(weatherHealth.get("details").get("check").asString()).isEqualTo("last call");
	}

	@Test
	void prometheusHasTimerBucketsAndConnectionGauges() throws Exception {
		String token = json
			.readTree(this.http.send(HttpRequest.newBuilder(uri("/api/public/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"secret\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body())
			.get("token")
			.asString();
		HttpResponse<String> typed = this.http.send(HttpRequest.newBuilder(uri("/api/internal/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"tell me a story\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(typed.statusCode()).isEqualTo(200);
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall");
				TestDevice tab = TestDevice.connect(this.port, "/ws/public?token=" + token)) {
			await().untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
				.containsPattern("(?m)^alexa_devices_connected(\\{[^}]*\\})? 2\\.0$")
				.containsPattern("(?m)^alexa_webapp_tabs(\\{[^}]*\\})? 1\\.0$"));
		}
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).containsPattern("(?m)^alexa_pipeline_seconds_bucket\\{[^}]*stage=\"answered\"[^}]*\\} ")
			.containsPattern("(?m)^alexa_llm_seconds_bucket\\{[^}]*le=\"\\+Inf\"[^}]*\\} 1$")
			.containsPattern("(?m)^alexa_llm_first_token_seconds_bucket\\{");
		await().untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
			.containsPattern("(?m)^alexa_devices_connected(\\{[^}]*\\})? 0\\.0$"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}

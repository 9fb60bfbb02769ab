package com.homemadealexa.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.device.Devices;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.BeforeEach;
import org.mindrot.jbcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * The running server for the client's tests, with OpenAI and the audio server replaced by
 * loopback fakes speaking their wire formats. The fakes and the folder are shared by the
 * subclasses, so they share one application context too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningServerTest {

	static final String PASSWORD = "open sesame";

	static final WireMockServer openAi = LoopbackWireMock.start();

	static final FakeAudioServer speaker = FakeAudioServer.start();

	static final OpenAiChatStubs chat = new OpenAiChatStubs(openAi);

	static final JsonMapper json = JsonMapper.builder().build();

	/** Outlives each test class, as the context does; removed when the JVM exits. */
	static final Path folder = temporaryFolder();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Devices devices;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("openai.api-key", () -> "test-key");
		registry.add("openai.base-url", () -> OpenAiSpeechStubs.baseUrl(openAi));
		registry.add("speech.stt-provider", () -> "openai");
		registry.add("speech.tts-provider", () -> "openai");
		registry.add("audio-server.url", speaker::url);
		registry.add("assistant.language", () -> "en-US");
		registry.add("assistant.prefer-local", () -> "false");
		registry.add("auth.password-hash", () -> BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)));
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> folder.resolve("audio_log").toString());
	}

	@BeforeEach
	void resetFakesAndWaitForNoDevices() {
		openAi.resetAll();
		speaker.reset();
		OpenAiSpeechStubs.speechReturns(openAi, TestWavs.speech(300));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.devices.connected().isEmpty());
	}

	URI server() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** Logins the server has answered, counted by its own request metrics. */
	long logins() throws Exception {
		HttpResponse<String> response = get(
				"/actuator/metrics/http.server.requests?tag=uri:/api/public/auth/login&tag=status:200");
		if (response.statusCode() == 404) {
			return 0;
		}
		for (JsonNode measurement : json.readTree(response.body()).get("measurements")) {
			if (measurement.get("statistic").asString().equals("COUNT")) {
				return measurement.get("value").asLong();
			}
		}
		throw new AssertionError("No COUNT in " + response.body());
	}

	HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(server().resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(server().resolve(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static Path temporaryFolder() {
		try {
			Path created = Files.createTempDirectory("cli-tests");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					FileSystemUtils.deleteRecursively(created);
				}
				catch (IOException ex) {
					// A leftover in the system's temporary folder is harmless.
				}
			}));
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

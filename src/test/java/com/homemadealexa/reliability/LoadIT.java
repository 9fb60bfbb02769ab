package com.homemadealexa.reliability;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 webapp utterances and 20 device utterances at the same moment, with every provider
 * (speech-to-text, the model, text-to-speech, the speaker) taking 300 ms per call. All
 * must complete, and none may wait behind another: the whole batch takes about as long as
 * one utterance alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadIT {

	private static final int WEBAPP_UTTERANCES = 50;

	private static final int DEVICES = 20;

	private static final int FIRST_HOST = 30;

	private static final int LATENCY_MILLIS = 300;

	private static final String PASSWORD = "load-password";

	static final Fake openAi = new Fake();

	static final Fake azure = new Fake();

	static final Fake speaker = new Fake();

	@TempDir
	static Path folder;

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient webapp = HttpClient.newHttpClient();

	private final List<LoopbackDevice> devices = new ArrayList<>();

	private String token;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> folder.resolve("audio_log").toString());
		registry.add("openai.api-key", () -> "sk-test-load");
		registry.add("openai.base-url", () -> openAi.url() + "/v1");
		registry.add("openai.stream", () -> "false");
		registry.add("speech.stt-provider", () -> "openai");
		registry.add("speech.tts-provider", () -> "azure");
		registry.add("azure.speech-key", () -> "test-azure-key");
		registry.add("azure.endpoint", azure::url);
		registry.add("audio-server.url", speaker::url);
		registry.add("assistant.language", () -> "en-US");
		registry.add("assistant.prefer-local", () -> "false");
		registry.add("auth.password-hash", () -> BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)));
	}

	@BeforeEach
	void slowProvidersAndDevices() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi.server(), "Goodbye for now.", Duration.ofMillis(LATENCY_MILLIS));
		openAi.server()
			.stubFor(post(urlPathEqualTo(OpenAiChatStubs.PATH))
				.willReturn(OpenAiChatStubs.toolCallResponse("stop", "{}").withFixedDelay(LATENCY_MILLIS)));
		AzureTtsStubs.speechReturns(azure.server(), TestWavs.speech(100), Duration.ofMillis(LATENCY_MILLIS));
		speaker.server()
			.stubFor(post(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\": \"ok\"}")
				.withFixedDelay(LATENCY_MILLIS)));
		for (int i = 0; i < DEVICES; i++) {
			this.devices.add(LoopbackDevice.connect(this.port, FIRST_HOST + i, "load-box-" + i));
		}
		HttpResponse<String> login = this.webapp
			.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/public/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		this.token = this.json.readTree(login.body()).get("token").asString();
	}

	@AfterEach
	void disconnect() {
		this.devices.forEach(LoopbackDevice::close);
	}

	@AfterAll
	static void stopFakes() {
		openAi.server().stop();
		azure.server().stop();
		speaker.server().stop();
	}

	@Test
	void seventyConcurrentUtterancesTakeAboutAsLongAsOne() throws Exception {
		// Warm-up, then each kind alone: the yardstick.
		deviceUtterance(this.devices.get(0));
		webappUtterance();
		long deviceAlone = deviceUtterance(this.devices.get(0));
		long webappAlone = webappUtterance();
		long oneUtterance = Math.max(deviceAlone, webappAlone);

		CountDownLatch go = new CountDownLatch(1);
		List<Future<Long>> webapps = new ArrayList<>();
		List<Future<Long>> speakers = new ArrayList<>();
		try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < WEBAPP_UTTERANCES; i++) {
				webapps.add(users.submit(() -> {
					go.await();
					return webappUtterance();
				}));
			}
			for (LoopbackDevice device : this.devices) {
				speakers.add(users.submit(() -> {
					go.await();
					return deviceUtterance(device);
				}));
			}
			long started = System.nanoTime();
			go.countDown();
			List<Long> webappTimes = collect(webapps);
			List<Long> deviceTimes = collect(speakers);
			long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

			assertThat(webappTimes).hasSize(WEBAPP_UTTERANCES);
			assertThat(deviceTimes).hasSize(DEVICES);
			assertThat(wall).as("wall time of 70 concurrent utterances vs %d ms for one", oneUtterance)
				.isLessThan(3 * oneUtterance);
			// Serialized at any one provider, 70 calls of 300 ms would take 21 s; the
			// bound
			// leaves room for two busy cores, not for a queue.
			assertThat(last(webappTimes)).as("slowest webapp utterance vs %d ms for one", oneUtterance)
				.isLessThan(3 * oneUtterance);
			assertThat(last(deviceTimes)).as("slowest device utterance vs %d ms for one", oneUtterance)
				.isLessThan(3 * oneUtterance);

			Figures.record("load", "provider latency ms (each of 4 providers)", LATENCY_MILLIS);
			Figures.record("load", "device utterance alone ms", deviceAlone);
			Figures.record("load", "webapp utterance alone ms", webappAlone);
			Figures.record("load", "concurrent utterances", WEBAPP_UTTERANCES + DEVICES);
			Figures.record("load", "wall ms for all", wall);
			Figures.record("load", "webapp median / slowest ms",
					webappTimes.get(webappTimes.size() / 2) + " / " + last(webappTimes));
			Figures.record("load", "device median / slowest ms",
					deviceTimes.get(deviceTimes.size() / 2) + " / " + last(deviceTimes));
			Figures.record("load", "wall / one utterance", "%.2f".formatted((double) wall / oneUtterance));
		}
	}

	private static List<Long> collect(List<Future<Long>> futures) throws Exception {
		List<Long> times = new ArrayList<>();
		for (Future<Long> future : futures) {
			times.add(future.get(60, TimeUnit.SECONDS));
		}
		return times.stream().sorted().toList();
	}

	private static long last(List<Long> sorted) {
		return sorted.get(sorted.size() - 1);
	}

	/**
	 * @return milliseconds from the start of the upload to the device's {@code idle}
	 */
	private long deviceUtterance(LoopbackDevice device) throws Exception {
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300);
		long started = System.nanoTime();
		HttpResponse<String> response = Loopback.client(device.host())
			.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/internal/stt"))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(pcm)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(device.poll(Duration.ofSeconds(30))).isEqualTo("{\"cmd\":\"idle\"}");
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	/**
	 * @return milliseconds until the webapp has the spoken answer
	 */
	private long webappUtterance() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = this.webapp
			.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/public/stt"))
				.header("Authorization", "Bearer " + this.token)
				.POST(HttpRequest.BodyPublishers.ofByteArray(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("next").asString()).isEqualTo("idle");
		assertThat(answer.get("audio_b64").isString()).isTrue();
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

}

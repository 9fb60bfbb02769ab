package com.homemadealexa.device;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The device side of the wire contract, with real WebSocket clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeviceSocketTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
		registry.add("firmware.dir", () -> dataDir.resolve("firmware").toString());
		registry.add("device.ping-interval-seconds", () -> "0.3");
		registry.add("device.pong-timeout-seconds", () -> "1");
		registry.add("device.send-timeout-seconds", () -> "1");
	}

	@LocalServerPort
	int port;

	@Autowired
	Devices devices;

	@Autowired
	HeardWakewords wakewords;

	RestTestClient http;

	@BeforeEach
	void startWithoutDevices() {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.devices.connected().isEmpty());
	}

	@Test
	void helloRegistersTheDeviceAndStatusShowsIt() {
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen")) {
			await().until(() -> this.devices.findByHostname("box-kitchen").isPresent());
			DeviceInfo info = this.devices.findByHostname("box-kitchen").orElseThrow();
			assertThat(info.hwType()).isEqualTo("ESP32-S3-BOX-3");
			assertThat(info.macAddr()).hasSize(6).startsWith(72, 202, 67);
			assertThat(info.webapp()).isFalse();
			assertThat(this.devices.findByAddress("127.0.0.1")).contains(info);

			this.http.get()
				.uri("/api/internal/status")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.devices.length()")
				.isEqualTo(1)
				.jsonPath("$.devices[0].ip")
				.isEqualTo("127.0.0.1")
				.jsonPath("$.devices[0].hostname")
				.isEqualTo("box-kitchen")
				.jsonPath("$.devices[0].hw_type")
				.isEqualTo("ESP32-S3-BOX-3")
				.jsonPath("$.devices[0].connected_seconds")
				.isEqualTo(0)
				.jsonPath("$.devices[0].mac_addr[1]")
				.isEqualTo(202)
				.jsonPath("$.firmware_files")
				.isArray();
		}
	}

	@Test
	void commandsReachEveryConnectedDeviceAndWebapp() {
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall");
				TestDevice webapp = TestDevice.connect(this.port, "/ws/public?token=good")) {
			await().until(() -> this.devices.connected().size() == 3);

			expectSent(this.http.post().uri("/api/internal/listen"), 3, 3);
			expectSent(this.http.post()
				.uri("/api/internal/display")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"title\": \"Zakupy\", \"text\": \"Kup mleko i jajka\"}"), 3, 3);
			expectSent(this.http.post()
				.uri("/api/internal/display")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"text\": \"Bez tytułu\"}"), 3, 3);
			expectSent(this.http.post().uri("/api/internal/restart"), 3, 3);

			for (TestDevice device : List.of(kitchen, hall, webapp)) {
				assertThat(device.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
				assertThat(device.nextMessage())
					.isEqualTo("{\"cmd\":\"display\",\"data\":{\"title\":\"Zakupy\",\"text\":\"Kup mleko i jajka\"}}");
				assertThat(device.nextMessage())
					.isEqualTo("{\"cmd\":\"display\",\"data\":{\"title\":\"\",\"text\":\"Bez tytułu\"}}");
				assertThat(device.nextMessage()).isEqualTo("{\"cmd\":\"restart\"}");
			}
		}
	}

	@Test
	void deviceParameterTargetsOnlyThatDevice() {
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall")) {
			await().until(() -> this.devices.findByHostname("box-hall").isPresent()
					&& this.devices.findByHostname("box-kitchen").isPresent());

			expectSent(this.http.post().uri("/api/internal/listen?device=box-hall"), 1, 2);
			expectSent(this.http.post().uri("/api/internal/restart?device=box-hall"), 1, 2);
			expectSent(this.http.post()
				.uri("/api/internal/display?device=box-hall")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"title\": \"T\", \"text\": \"only hall\"}"), 1, 2);
			// A broadcast after the targeted ones: each socket keeps order, so the
			// kitchen's
			// first frame being the broadcast proves it got none of the targeted ones.
			expectSent(this.http.post().uri("/api/internal/listen"), 2, 2);

			assertThat(hall.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
			assertThat(hall.nextMessage()).isEqualTo("{\"cmd\":\"restart\"}");
			assertThat(hall.nextMessage()).contains("only hall");
			assertThat(hall.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
			assertThat(kitchen.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");

			this.http.post()
				.uri("/api/internal/listen?device=box-attic")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void answers503WhenNoDeviceIsConnected() {
		for (String route : List.of("/api/internal/listen", "/api/internal/restart")) {
			this.http.post()
				.uri(route)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(503);
		}
		this.http.post()
			.uri("/api/internal/display")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\": \"hello\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void rejectsDisplayWithoutTextAsAProblem() {
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen")) {
			await().until(() -> this.devices.connected().size() == 1);
			for (String body : List.of("{\"title\": \"only a title\"}", "{\"text\": \"  \"}", "not json")) {
				this.http.post()
					.uri("/api/internal/display")
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectHeader()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			}
		}
	}

	@Test
	void ignoresFramesItDoesNotUnderstandAndKeepsTheConnection() {
		try (TestDevice kitchen = TestDevice.connect(this.port)) {
			kitchen.send("this is not json")
				.send("[1, 2, 3]")
				.send("{\"event\": \"battery_low\"}")
				.send("{\"hello\": \"not an object\"}")
				.sendBinary(new byte[] { 1, 2, 3, 4 })
				.sendBinary(new byte[20_000])
				.hello("box-kitchen");

			await().until(() -> this.devices.findByHostname("box-kitchen").isPresent());
			expectSent(this.http.post().uri("/api/internal/listen"), 1, 1);
			assertThat(kitchen.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
			assertThat(kitchen.isClosedByServer()).isFalse();
		}
	}

	@Test
	void aMessageLargerThanTheReceiveBufferIsPutBackTogether() {
		// The sockets' buffers are 1 KiB; a hello in many parts still registers the
		// device.
		String hostname = "box-" + "k".repeat(20_000);
		try (TestDevice kitchen = TestDevice.connect(this.port)
			.send("{\"hello\": {\"hostname\": \"" + hostname + "\", \"hw_type\": \"ESP32-S3-BOX-3\"}}")) {
			await().until(() -> this.devices.connected()
				.stream()
				.anyMatch((info) -> info.hostname() != null && info.hostname().startsWith("box-kkkk")));
			assertThat(kitchen.isClosedByServer()).isFalse();
		}
	}

	@Test
	void aMessageOverTheLimitClosesTheSocketAsTooBig() {
		try (TestDevice kitchen = TestDevice.connect(this.port)) {
			kitchen.send("x".repeat(FrameAssembler.MAX_MESSAGE_CHARS + 1));
			assertThat(kitchen.closeCode()).isEqualTo(1009);
		}
		try (TestDevice hall = TestDevice.connect(this.port)) {
			hall.sendBinary(new byte[FrameAssembler.MAX_MESSAGE_CHARS + 1]);
			assertThat(hall.closeCode()).isEqualTo(1009);
		}
	}

	@Test
	void wakewordPublishesWakewordHeardForThatDevice() {
		this.wakewords.heard.clear();
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen")) {
			kitchen.send("{\"event\": \"wakeword\"}");

			await().until(() -> !this.wakewords.heard.isEmpty());
			DeviceInfo device = this.wakewords.heard.getFirst().device();
			assertThat(device.hostname()).isEqualTo("box-kitchen");
			assertThat(device.address()).isEqualTo("127.0.0.1");
			assertThat(this.wakewords.heard).hasSize(1);
		}
	}

	@Test
	void deviceThatDropsItsConnectionIsForgotten() {
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall")) {
			await().until(() -> this.devices.connected().size() == 2);

			kitchen.abort();

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.devices.connected()).extracting(DeviceInfo::hostname)
					.containsExactly("box-hall"));
			expectSent(this.http.post().uri("/api/internal/listen"), 1, 1);
			assertThat(hall.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
		}
	}

	@Test
	void deviceThatAnswersNoPingIsDroppedWhileLiveOnesStay() throws Exception {
		try (SilentDevice hung = SilentDevice.connect(this.port, "box-hung");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall")) {
			await().until(() -> this.devices.findByHostname("box-hung").isPresent());

			// Ping interval 0.3 s, pong timeout 1 s: the live device answers several
			// pings
			// meanwhile.
			await().atMost(Duration.ofSeconds(5))
				.during(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(this.devices.connected()).extracting(DeviceInfo::hostname)
					.containsExactly("box-hall"));
			assertThat(hall.isClosedByServer()).isFalse();
		}
	}

	@Test
	void deviceThatStopsReadingDoesNotDelayTheOthers() throws Exception {
		try (SilentDevice stuck = SilentDevice.connect(this.port, "box-stuck");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall")) {
			await().until(() -> this.devices.findByHostname("box-stuck").isPresent()
					&& this.devices.findByHostname("box-hall").isPresent());
			String text = "x".repeat(16_000);

			long started = System.nanoTime();
			for (int i = 0; i < 5; i++) {
				expectSent(this.http.post()
					.uri("/api/internal/display")
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"title\": \"" + i + "\", \"text\": \"" + text + "\"}"), 2, 2);
			}
			for (int i = 0; i < 5; i++) {
				assertThat(hall.nextMessage()).startsWith("{\"cmd\":\"display\",\"data\":{\"title\":\"" + i + "\"");
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.devices.connected()).extracting(DeviceInfo::hostname)
					.containsExactly("box-hall"));
		}
	}

	@Test
	void webappSocketNeedsAnAcceptedToken() {
		try (TestDevice noToken = TestDevice.connect(this.port, "/ws/public");
				TestDevice badToken = TestDevice.connect(this.port, "/ws/public?token=bad")) {
			assertThat(noToken.closeCode()).isEqualTo(4001);
			assertThat(badToken.closeCode()).isEqualTo(4001);
		}
		try (TestDevice webapp = TestDevice.connect(this.port, "/ws/public?token=good")) {
			await().until(() -> this.devices.connected().size() == 1);
			assertThat(this.devices.connected().getFirst().webapp()).isTrue();
			assertThat(webapp.isClosedByServer()).isFalse();
		}
	}

	@Test
	void aWebappTabCannotTakeADevicesName() {
		try (TestDevice tab = TestDevice.connect(this.port, "/ws/public?token=good").hello("box-kitchen")) {
			await().until(() -> this.devices.connected().size() == 1
					&& this.devices.connected().getFirst().hostname() != null);
			assertThat(this.devices.connected().getFirst().hostname()).isEqualTo("webapp-box-kitchen");
			this.http.post().uri("/api/internal/restart?device=box-kitchen").exchange().expectStatus().isNotFound();
			try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-kitchen")) {
				await().until(() -> this.devices.findByHostname("box-kitchen").isPresent());
				expectSent(this.http.post().uri("/api/internal/restart?device=box-kitchen"), 1, 2);
				assertThat(kitchen.nextMessage()).isEqualTo("{\"cmd\":\"restart\"}");
				assertThat(tab.pollMessage(Duration.ofMillis(300))).isNull();
			}
		}
	}

	private static void expectSent(RestTestClient.RequestHeadersSpec<?> request, int notified, int total) {
		request.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("sent")
			.jsonPath("$.devices_notified")
			.isEqualTo(notified)
			.jsonPath("$.devices_total")
			.isEqualTo(total);
	}

	static class HeardWakewords {

		final List<WakewordHeard> heard = new CopyOnWriteArrayList<>();

		@EventListener
		void on(WakewordHeard event) {
			this.heard.add(event);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		@Bean
		HeardWakewords heardWakewords() {
			return new HeardWakewords();
		}

		// Stands in for the auth feature's JWT check; primary so it wins once that
		// exists.
		@Bean
		@Primary
		PublicSocketAuthenticator acceptsGoodToken() {
			return (@Nullable String token) -> "good".equals(token);
		}

	}

}

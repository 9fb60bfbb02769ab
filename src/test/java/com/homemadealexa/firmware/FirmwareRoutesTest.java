package com.homemadealexa.firmware;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import com.homemadealexa.device.TestDevice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OTA, firmware downloads and uploads, and the status route, over real HTTP and
 * WebSockets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirmwareRoutesTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
		registry.add("firmware.dir", () -> firmwareDir().toString());
	}

	static Path firmwareDir() {
		return dataDir.resolve("not-yet").resolve("firmware");
	}

	@LocalServerPort
	int port;

	@Autowired
	Devices devices;

	RestTestClient http;

	@BeforeEach
	void emptyFolderAndNoDevices() throws IOException {
		this.http = RestTestClient.bindToServer().baseUrl(base()).build();
		try (Stream<Path> files = Files.list(firmwareDir())) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		await().until(() -> this.devices.connected().isEmpty());
	}

	@Test
	void createsTheFirmwareFolderAtStart() {
		assertThat(firmwareDir()).isDirectory();
	}

	@Test
	void otaSendsTheNewestBinByModificationTime() throws IOException {
		firmware("box-1.0.bin", "old", Instant.parse("2025-01-01T00:00:00Z"));
		firmware("box-1.2.bin", "newest", Instant.parse("2025-03-01T00:00:00Z"));
		firmware("box-1.1.bin", "middle", Instant.parse("2025-02-01T00:00:00Z"));
		firmware("notes.txt", "newer but not firmware", Instant.parse("2025-04-01T00:00:00Z"));
		try (TestDevice kitchen = connected("box-kitchen"); TestDevice hall = connected("box-hall")) {
			String url = base() + "/firmware/box-1.2.bin";

			this.http.post().uri("/api/internal/ota").exchange().expectStatus().isOk().expectBody().json("""
					{"status": "sent", "firmware": "box-1.2.bin", "url": "%s",
					 "devices_notified": 2, "devices_total": 2}""".formatted(url));

			String command = "{\"cmd\":\"ota_start\",\"ota_url\":\"" + url + "\"}";
			assertThat(kitchen.nextMessage()).isEqualTo(command);
			assertThat(hall.nextMessage()).isEqualTo(command);
		}
	}

	@Test
	void otaSendsTheNamedFileToTheNamedDevice() throws IOException {
		firmware("box-1.0.bin", "old", Instant.parse("2025-01-01T00:00:00Z"));
		firmware("box-1.2.bin", "newest", Instant.parse("2025-03-01T00:00:00Z"));
		try (TestDevice kitchen = connected("box-kitchen"); TestDevice hall = connected("box-hall")) {
			this.http.post()
				.uri("/api/internal/ota?device=box-hall")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"filename\": \"box-1.0.bin\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.firmware")
				.isEqualTo("box-1.0.bin")
				.jsonPath("$.devices_notified")
				.isEqualTo(1)
				.jsonPath("$.devices_total")
				.isEqualTo(2);
			this.http.post().uri("/api/internal/listen").exchange().expectStatus().isOk();

			assertThat(hall.nextMessage()).contains("/firmware/box-1.0.bin");
			assertThat(kitchen.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
		}
	}

	@Test
	void otaUrlIsTheAddressTheDeviceReachedWhateverTheAdminRequestSays() throws IOException {
		firmware("box.bin", "image", Instant.parse("2025-01-01T00:00:00Z"));
		try (TestDevice kitchen = connected("box-kitchen")) {
			this.http.post()
				.uri("/api/internal/ota")
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "alexa.home.lan")
				.header("X-Forwarded-Port", "8443")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.url")
				.isEqualTo(base() + "/firmware/box.bin");

			assertThat(kitchen.nextMessage())
				.isEqualTo("{\"cmd\":\"ota_start\",\"ota_url\":\"" + base() + "/firmware/box.bin\"}");
		}
	}

	@Test
	void otaAnswers404WithoutFirmwareAnd503WithoutDevices() throws IOException {
		try (TestDevice kitchen = connected("box-kitchen")) {
			expectProblem(this.http.post().uri("/api/internal/ota"), HttpStatus.NOT_FOUND);
			firmware("box.bin", "image", Instant.parse("2025-01-01T00:00:00Z"));
			expectProblem(this.http.post()
				.uri("/api/internal/ota")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"filename\": \"missing.bin\"}"), HttpStatus.NOT_FOUND);
			expectProblem(this.http.post()
				.uri("/api/internal/ota")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"filename\": \"../box.bin\"}"), HttpStatus.BAD_REQUEST);
		}
		await().until(() -> this.devices.connected().isEmpty());
		expectProblem(this.http.post().uri("/api/internal/ota"), HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void servesFirmwareForDownload() throws IOException {
		firmware("box.bin", "firmware image bytes", Instant.parse("2025-01-01T00:00:00Z"));
		firmware("notes.txt", "not firmware", Instant.parse("2025-01-01T00:00:00Z"));

		this.http.get()
			.uri("/firmware/box.bin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.expectBody(String.class)
			.isEqualTo("firmware image bytes");
		expectProblem(this.http.get().uri("/firmware/other.bin"), HttpStatus.NOT_FOUND);
		expectProblem(this.http.get().uri("/firmware/notes.txt"), HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesNamesThatLeaveTheFolderWithAProblem() throws IOException {
		Files.writeString(dataDir.resolve("not-yet").resolve("secret.bin"), "outside");
		for (String path : List.of("/firmware/..%2fsecret.bin", "/firmware/..%2Fsecret.bin",
				"/firmware/%2e%2e%2fsecret.bin", "/firmware/..%5csecret.bin", "/firmware/sub%2fbox.bin",
				"/firmware/..secret.bin", "/firmware/%2e%2e")) {
			var result = this.http.get().uri(URI.create(base() + path)).exchange().returnResult(String.class);
			assertThat(result.getStatus().value()).as(path).isEqualTo(400);
			assertThat(result.getResponseHeaders().getContentType()).as(path).hasToString("application/problem+json");
			assertThat(result.getResponseBody()).as(path).doesNotContain("outside");
		}
	}

	@Test
	void uploadStoresAFirmwareThatStatusListsAndDevicesCanDownload() {
		MultipartBodyBuilder upload = new MultipartBodyBuilder();
		upload.part("file", "new image".getBytes()).filename("box-2.0.bin");

		this.http.post()
			.uri("/api/internal/firmware")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(upload.build())
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.json("{\"status\": \"saved\", \"firmware\": \"box-2.0.bin\", \"bytes\": 9}");

		assertThat(firmwareDir().resolve("box-2.0.bin")).hasContent("new image");
		this.http.get()
			.uri("/api/internal/status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.firmware_dir")
			.isEqualTo(firmwareDir().toAbsolutePath().normalize().toString())
			.jsonPath("$.firmware_files")
			.isEqualTo(List.of("box-2.0.bin"))
			.jsonPath("$.devices")
			.isEmpty();
		this.http.get().uri("/firmware/box-2.0.bin").exchange().expectBody(String.class).isEqualTo("new image");
	}

	@Test
	void uploadRefusesNamesThatAreNotPlainBinFiles() throws IOException {
		for (String name : List.of("../evil.bin", "evil.txt", "sub/evil.bin", "..\\evil.bin", ".bin")) {
			MultipartBodyBuilder upload = new MultipartBodyBuilder();
			upload.part("file", "evil".getBytes()).filename(name);
			expectProblem(this.http.post()
				.uri("/api/internal/firmware")
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(upload.build()), HttpStatus.BAD_REQUEST);
		}
		assertThat(dataDir.resolve("not-yet").resolve("evil.bin")).doesNotExist();
		try (Stream<Path> files = Files.list(firmwareDir())) {
			assertThat(files).isEmpty();
		}
	}

	private TestDevice connected(String hostname) {
		TestDevice device = TestDevice.connect(this.port).hello(hostname);
		await().until(() -> this.devices.findByHostname(hostname).map(DeviceInfo::hostname).isPresent());
		return device;
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static void firmware(String name, String content, Instant modified) throws IOException {
		Path file = Files.writeString(firmwareDir().resolve(name), content);
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

	private static void expectProblem(RestTestClient.RequestHeadersSpec<?> request, HttpStatus status) {
		request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status.value());
	}

}

package com.homemadealexa.reliability;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.Devices;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.TestWavs;
import com.homemadealexa.testsupport.firmware.FirmwareDevice;
import com.homemadealexa.testsupport.firmware.FirmwareOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a black-box attack found beyond bad input on the wire: voices that lie in their
 * WAV headers, sizes without a bound, uploads without an end, wake-word bursts, and a
 * reply that outlived its connection. Each test failed on the code before the fix.
 */
class LimitsIT extends ReliabilityServer {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Devices devices;

	@BeforeEach
	void providers() {
		healthyProviders();
	}

	/** 40 KB of samples whose header claims 4 Hz: 10,000 s of audio by the header. */
	static byte[] lyingWav() {
		int dataBytes = 40_000;
		ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
		wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
		wav.putShort((short) 1).putShort((short) 1).putInt(4).putInt(8).putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
		return wav.array();
	}

	@Test
	void aVoiceLyingAboutItsSampleRateIsReplacedByTheOfflineVoice() throws Exception {
		AzureTtsStubs.speechReturns(azure.server(), lyingWav());
		HttpResponse<String> response = http().send(HttpRequest.newBuilder(uri("/api/public/chat"))
			.header("Authorization", "Bearer " + token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"Goodbye for now.\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().length()).isLessThan(2_000_000);
		JsonNode body = json.readTree(response.body());
		byte[] wav = Base64.getDecoder().decode(body.get("audio_b64").asString());
		assertThat(Wav.duration(wav)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aDeviceIsNotKeptWaitingByALyingVoice() {
		AzureTtsStubs.speechReturns(azure.server(), lyingWav());
		try (FirmwareDevice device = FirmwareDevice
			.connect(FirmwareOptions.forPort(this.port).device(41).chunkPace(Duration.ZERO))) {
			await().until(() -> this.devices.findByHostname(device.hostname()).isPresent());
			assertThat(device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)).status()).isEqualTo(200);
			FirmwareDevice.Command command = device.pollCommand(Duration.ofSeconds(15));
			assertThat(command).isNotNull();
			assertThat(command.cmd()).isEqualTo("idle");
		}
	}

	@Test
	void aHugeDisplayTextAndAHugeHostnameAreBounded() throws Exception {
		try (FirmwareDevice device = FirmwareDevice.connect(FirmwareOptions.forPort(this.port).device(42));
				LoopbackDevice named = LoopbackDevice.connect(this.port, 43, "h".repeat(60_000))) {
			await().until(() -> this.devices.findByHostname(device.hostname()).isPresent());
			await().until(() -> this.devices.connected()
				.stream()
				.anyMatch((info) -> info.hostname() != null && info.hostname().startsWith("hhhh")));
			assertThat(this.devices.connected())
				.allSatisfy((info) -> assertThat(info.hostname() == null || info.hostname().length() <= 64).isTrue());
			String twoMegabytes = "{\"text\": \"" + "x".repeat(2_000_000) + "\"}";
			HttpResponse<String> response = http().send(HttpRequest.newBuilder(uri("/api/internal/display"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(twoMegabytes))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(device.pollCommand(Duration.ofMillis(300))).isNull();
		}
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
		HttpResponse<String> response = http().send(HttpRequest.newBuilder(uri("/error")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void anUploadDrippingBytesIsCutOffByItsDeadline() throws Exception {
		long started = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 2000);
			socket.setSoTimeout(40_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/internal/stt HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nx-audio-sample-rate: 16000\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			// 2 bytes every 500 ms: far within audio.max_seconds (5 s) of audio, forever.
			Thread dripper = Thread.ofVirtual().start(() -> {
				try {
					while (true) {
						out.write("2\r\n\0\0\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
						Thread.sleep(500);
					}
				}
				catch (Exception ex) {
					// The server hung up: done.
				}
			});
			String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			dripper.interrupt();
			assertThat(statusLine).isEqualTo("HTTP/1.1 408");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aBurstOfWakeWordsAbortsAndChimesOnce() {
		try (FirmwareDevice device = FirmwareDevice.connect(FirmwareOptions.forPort(this.port).device(44))) {
			await().until(() -> this.devices.findByHostname(device.hostname()).isPresent());
			int abortsBefore = speaker.requests("/api/abort");
			int playsBefore = speaker.requests("/api/play");
			for (int i = 0; i < 200; i++) {
				device.wakeword();
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> speaker.requests("/api/abort") > abortsBefore);
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> speaker.requests("/api/abort") - abortsBefore <= 2
						&& speaker.requests("/api/play") - playsBefore <= 2);
		}
	}

	@Test
	void aDeviceThatRebootsMidReplyGetsNothingOfTheOldReply() {
		AzureTtsStubs.speechReturns(azure.server(), TestWavs.speech(300), Duration.ofMillis(1500));
		try (FirmwareDevice device = FirmwareDevice
			.connect(FirmwareOptions.forPort(this.port).device(45).chunkPace(Duration.ZERO))) {
			await().until(() -> this.devices.findByHostname(device.hostname()).isPresent());
			assertThat(device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)).status()).isEqualTo(200);
			device.reboot();
			await().until(() -> this.devices.connected()
				.stream()
				.filter((info) -> device.hostname().equals(info.hostname()))
				.count() == 1);
			assertThat(device.pollCommand(Duration.ofSeconds(4))).isNull();
		}
	}

	private String token() throws Exception {
		HttpResponse<String> login = http().send(HttpRequest.newBuilder(uri("/api/public/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + PASSWORD + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(login.body()).get("token").asString();
	}

	private java.net.http.HttpClient http() {
		return Loopback.client(1);
	}

	private URI uri(String path) {
		return Loopback.uri(this.port, path);
	}

}

package com.homemadealexa.device;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.homemadealexa.audio.Chimes;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import com.homemadealexa.testsupport.firmware.FirmwareDevice;
import com.homemadealexa.testsupport.firmware.FirmwareOptions;
import com.homemadealexa.testsupport.firmware.OtaDownload;
import com.homemadealexa.testsupport.firmware.SttUpload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the real ESP32 firmware needs, each point of {@code DEVICE.md}'s checklist against
 * a test device that behaves like it ({@link FirmwareDevice}).
 */
class RealFirmwareTest extends CloudFakesIntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	final OpenAiChatStubs chat = new OpenAiChatStubs(CloudFakes.openAi());

	@Autowired
	Chimes chimes;

	@Autowired
	Devices devices;

	@BeforeEach
	void voice() {
		AzureTtsStubs.speechReturnsTone(CloudFakes.azure(), 200);
	}

	FirmwareOptions firmware() {
		return FirmwareOptions.forPort(this.port);
	}

	@Test
	void anEmptyTranscriptPlaysTheEndChimeAndSendsIdleAtOnce() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), "");
		try (FirmwareDevice device = connected(firmware())) {
			SttUpload.Reply reply = device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 300));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(json.readTree(reply.bodyText()))
				.isEqualTo(json.readTree("{\"status\":\"ok\",\"command\":\"\"}"));
			assertThat(device.nextCommand().cmd()).isEqualTo("idle");
			assertThat(device.state()).isEqualTo(FirmwareDevice.State.IDLE);
			assertThat(device.requestTimerExpiries()).isZero();
			assertThat(CloudFakes.audioServer().plays()).containsExactly(this.chimes.endChime());
			assertThat(this.chat.requestCount()).isZero();
		}
	}

	@Test
	void anUploadWithNoAudioAtAllIsAnEmptyTranscript() throws Exception {
		try (FirmwareDevice device = connected(firmware())) {
			SttUpload.Reply reply = device.speak(new byte[0]);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(json.readTree(reply.bodyText()))
				.isEqualTo(json.readTree("{\"status\":\"ok\",\"command\":\"\"}"));
			assertThat(device.nextCommand().cmd()).isEqualTo("idle");
			assertThat(CloudFakes.audioServer().plays()).containsExactly(this.chimes.endChime());
			assertThat(CloudFakes.openAi().getAllServeEvents()).isEmpty();
		}
	}

	@Test
	void aWakeWordDuringTheEndChimeOfAnEmptyTranscriptSuppressesTheIdle() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), "");
		CloudFakes.audioServer().delayBy(Duration.ofSeconds(2));
		try (FirmwareDevice device = connected(firmware())) {
			assertThat(device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5)).until(() -> CloudFakes.audioServer().plays().size() == 1);
			device.wakeword();
			assertThat(device.pollCommand(Duration.ofSeconds(3))).isNull();
		}
	}

	@Test
	void aDisplayTooLongForTheDeviceBufferIsShortenedToFitAndSaysSo() throws Exception {
		try (FirmwareDevice device = connected(firmware())) {
			String ascii = "a".repeat(4100);
			JsonNode answer = display("Note", ascii, 200);
			assertThat(answer.get("truncated").asBoolean()).isTrue();
			assertThat(answer.get("devices_notified").asInt()).isEqualTo(1);
			FirmwareDevice.Command shown = device.nextCommand();
			assertThat(shown.cmd()).isEqualTo("display");
			assertThat(device.display()[0]).isEqualTo("Note");
			assertThat(device.display()[1]).startsWith("aaaa").endsWith("…").hasSizeLessThan(4100);
			assertThat(device.lostPieces()).isZero();
		}
	}

	@Test
	void polishTextIsShortenedAtACharacterBoundary() throws Exception {
		try (FirmwareDevice device = connected(firmware())) {
			String polish = "zażółć gęślą jaźń ".repeat(160);
			assertThat(polish.length()).isEqualTo(2880);
			assertThat(display("", polish, 200).get("truncated").asBoolean()).isTrue();
			device.nextCommand();
			String text = device.display()[1];
			assertThat(text).endsWith("…").doesNotContain("\uFFFD");
			assertThat(polish).startsWith(text.substring(0, text.length() - 1));
			assertThat(device.lostPieces()).isZero();
		}
	}

	@Test
	void aTextThatFitsIsSentWholeAndNotMarkedShortened() throws Exception {
		try (FirmwareDevice device = connected(firmware())) {
			String text = "Dinner at 19:00 " + "x".repeat(3000);
			assertThat(display("Dinner", text, 200).get("truncated").asBoolean()).isFalse();
			device.nextCommand();
			assertThat(device.display()[1]).isEqualTo(text);
		}
	}

	@Test
	void anAbsurdlyLongDisplayTextIsRefused() throws Exception {
		try (FirmwareDevice device = connected(firmware())) {
			HttpResponse<String> response = post("/api/internal/display",
					json.writeValueAsString(json.createObjectNode().put("text", "x".repeat(20_000))));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(device.pollCommand(Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void theUploadReplyFitsTheDevicesBufferAndThePipelineKeepsTheWholeTranscript() throws Exception {
		String transcript = "Opowiedz mi bardzo długą historię o żółtym kocie, który mieszkał w Łodzi. ".repeat(5)
				+ "To koniec historii numer 42.";
		OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), transcript);
		this.chat.answerText("kocie", "Dobrze.");
		try (FirmwareDevice device = connected(firmware().device(7))) {
			SttUpload.Reply reply = device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 400, 300));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.bodyLength()).isLessThanOrEqualTo(255);
			assertThat(reply.shown()).isNotNull().endsWith("…");
			assertThat(transcript).startsWith(reply.shown().substring(0, reply.shown().length() - 1));
			device.nextCommand();
			assertThat(CloudFakes.openAi().getAllServeEvents())
				.filteredOn((event) -> event.getRequest().getUrl().equals(OpenAiChatStubs.PATH))
				.anySatisfy((event) -> assertThat(event.getRequest().getBodyAsString()).contains("numer 42"));
		}
	}

	@Test
	void otaSendsEachDeviceTheAddressItReachedAndTheFirmwareDownloadsAsTheDeviceAsksForIt() throws Exception {
		Path firmwareDir = CloudFakes.folder(RealFirmwareTest.class).resolve("firmware");
		Files.createDirectories(firmwareDir);
		byte[] image = new byte[5000];
		image[0] = (byte) 0xE9;
		Files.write(firmwareDir.resolve("box-9.9.bin"), image);
		try (FirmwareDevice device = connected(firmware().serverHost("127.0.0.3"))) {
			// The admin uses localhost, as in the README.
			JsonNode answer = json.readTree(post("/api/internal/ota", "{\"filename\": \"box-9.9.bin\"}").body());
			String expected = "http://127.0.0.3:" + this.port + "/firmware/box-9.9.bin";
			assertThat(answer.get("url").asString()).isEqualTo(expected);
			assertThat(answer.get("urls").get(0).get("device").asString()).isEqualTo(device.hostname());
			assertThat(answer.get("urls").get(0).get("url").asString()).isEqualTo(expected);
			assertThat(device.nextCommand().json().get("ota_url").asString()).isEqualTo(expected);
			await().atMost(Duration.ofSeconds(10)).until(() -> !device.otaResults().isEmpty());
			OtaDownload.Result result = device.otaResults().get(0);
			assertThat(result.status()).isEqualTo(200);
			assertThat(result.bytes()).isEqualTo(image.length);
			assertThat(result.succeeded()).isTrue();
			// The device comes back with a new connection and a hello.
			await().atMost(Duration.ofSeconds(5)).until(() -> registered(device.hostname()) == 1);
		}
	}

	@Test
	void theExampleConfigurationsPathWsWorksLikeWsInternal() throws Exception {
		try (FirmwareDevice device = connected(firmware().path("/ws"))) {
			assertThat(display("Hi", "there", 200).get("devices_notified").asInt()).isEqualTo(1);
			assertThat(device.nextCommand().cmd()).isEqualTo("display");
		}
	}

	@Test
	void aRestartedDeviceHasOneEntryAtOnce() throws Exception {
		try (FirmwareDevice device = connected(firmware())) {
			assertThat(post("/api/internal/restart", "").statusCode()).isEqualTo(200);
			assertThat(device.nextCommand().cmd()).isEqualTo("restart");
			await().atMost(Duration.ofSeconds(5)).until(() -> device.links().size() == 2);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.devices.connected().size() == 1
						&& device.hostname().equals(this.devices.connected().get(0).hostname()));
			JsonNode answer = display("After", "the restart", 200);
			assertThat(answer.get("devices_notified").asInt()).isEqualTo(1);
			assertThat(answer.get("devices_total").asInt()).isEqualTo(1);
			assertThat(device.nextCommand().cmd()).isEqualTo("display");
		}
	}

	@Test
	void whenTheServerClosesADeviceSocketItClosesTcpRightAfterTheCloseHandshake() throws Exception {
		FirmwareOptions options = firmware().reconnectAfterServerClose(false);
		try (FirmwareDevice older = connected(options)) {
			// The same device on a second connection: the server closes the first.
			try (FirmwareDevice newer = FirmwareDevice.connect(options)) {
				assertThat(older.link().serverClose().get(5, java.util.concurrent.TimeUnit.SECONDS))
					.as("TCP closed within 1 s of the device's close echo")
					.isTrue();
				await().atMost(Duration.ofSeconds(5)).until(() -> this.devices.connected().size() == 1);
				assertThat(display("Still", "here", 200).get("devices_notified").asInt()).isEqualTo(1);
				assertThat(newer.nextCommand().cmd()).isEqualTo("display");
			}
		}
	}

	@Test
	void theDevicesOwnPingsAreAnswered() throws Exception {
		try (FirmwareDevice device = connected(firmware().pingAfterSilence(Duration.ofMillis(300)))) {
			await().atMost(Duration.ofSeconds(5)).until(() -> device.link().pongsReceived() >= 2);
			assertThat(device.link().pingsSent()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aWholeTurnWithTheFirmwareEndsInListen() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), "Opowiedz dowcip.");
		this.chat.answerText("dowcip", "Dlaczego lampa poszła do szkoły? Żeby być jaśniejszą.");
		try (FirmwareDevice device = connected(firmware().device(8))) {
			device.wakeword();
			SttUpload.Reply reply = device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 800, 300));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.shown()).isEqualTo("Opowiedz dowcip.");
			assertThat(device.nextCommand().cmd()).isEqualTo("listen");
			assertThat(device.state()).isEqualTo(FirmwareDevice.State.LISTENING);
			assertThat(device.lostPieces()).isZero();
		}
	}

	private FirmwareDevice connected(FirmwareOptions options) {
		FirmwareDevice device = FirmwareDevice.connect(options);
		await().atMost(Duration.ofSeconds(5)).until(() -> registered(device.hostname()) == 1);
		return device;
	}

	private long registered(String hostname) {
		return this.devices.connected().stream().filter((info) -> hostname.equals(info.hostname())).count();
	}

	private JsonNode display(String title, String text, int status) throws IOException, InterruptedException {
		HttpResponse<String> response = post("/api/internal/display",
				json.writeValueAsString(json.createObjectNode().put("title", title).put("text", text)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (!body.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

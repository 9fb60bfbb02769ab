package com.homemadealexa.reminder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.FakeAudioServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A due reminder through the real adapters: spoken by the offline voice on the audio
 * server fake, and shown on a connected device.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReminderDeliveryTest {

	private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

	static final FakeAudioServer speaker = FakeAudioServer.start();

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", () -> data.resolve("data").toString());
		registry.add("firmware.dir", () -> data.resolve("firmware").toString());
		registry.add("assistant.time-zone", ZONE::getId);
		registry.add("assistant.language", () -> "en-US");
		registry.add("speech.tts-provider", () -> "espeak");
		registry.add("audio-server.url", speaker::url);
	}

	@AfterAll
	static void stop() {
		speaker.close();
	}

	@Test
	void aDueReminderIsSpokenOnTheSpeakerAndShownOnTheDevices() throws Exception {
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			LocalDateTime due = LocalDateTime.now(ZONE).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/internal/reminders"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"scheduled_at\":\"" + due + "\",\"text\":\"water the plants\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);

			assertThat(device.pollMessage(Duration.ofSeconds(15)))
				.isEqualTo("{\"cmd\":\"display\",\"data\":{\"title\":\"Reminder\",\"text\":\"water the plants\"}}");
			await().atMost(Duration.ofSeconds(10)).until(() -> speaker.plays().size() == 1);
			byte[] spoken = speaker.plays().getFirst();
			assertThat(Wav.decode(spoken).format()).isEqualTo(PcmFormat.SPEECH);
			assertThat(Wav.duration(spoken)).isGreaterThan(Duration.ofSeconds(1));
		}
	}

}

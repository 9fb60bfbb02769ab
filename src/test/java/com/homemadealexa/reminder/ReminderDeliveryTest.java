package com.homemadealexa.reminder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.TextToSpeech;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A due reminder through the real adapters: spoken by the offline voice on the audio
 * server fake, and shown on a connected device.
 */
@CloudFakesTest(language = "en-US", textToSpeech = TextToSpeech.ESPEAK,
		properties = "assistant.time-zone=Europe/Warsaw")
class ReminderDeliveryTest extends CloudFakesIntegrationTest {

	private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

	@Test
	void aDueReminderIsSpokenOnTheSpeakerAndShownOnTheDevices() throws Exception {
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			LocalDateTime due = LocalDateTime.now(ZONE).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url("/api/internal/reminders")))
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

package com.homemadealexa.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.homemadealexa.audio.Chimes;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.Devices;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.FakeAudioServer.Kind;
import com.homemadealexa.testsupport.FakeAudioServer.Request;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import com.homemadealexa.testsupport.firmware.FirmwareDevice;
import com.homemadealexa.testsupport.firmware.FirmwareOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder that falls due (real Quartz job, real SQLite) while a device's answer plays:
 * it is shown at once but said only after the answer's audio, before the device is told
 * to listen; a wake word in between still aborts and chimes first.
 */
class ReminderDuringAnswerTest extends CloudFakesIntegrationTest {

	/** Each sentence of the answer: long enough for the reminder to fall due within. */
	static final Duration SENTENCE = Duration.ofMillis(2000);

	static final Duration REMINDER = Duration.ofMillis(1200);

	static final String TEXT = "water the plants";

	/** Clock granularity between the test and the fake's arrival times. */
	static final Duration SLACK = Duration.ofMillis(50);

	final OpenAiChatStubs chat = new OpenAiChatStubs(CloudFakes.openAi());

	final FakeAudioServer speaker = CloudFakes.audioServer();

	@Autowired
	Reminders reminders;

	@Autowired
	Devices devices;

	@Autowired
	Chimes chimes;

	@Autowired
	Clock clock;

	@BeforeEach
	void voices() {
		AzureTtsStubs.speechReturnsTone(CloudFakes.azure(), (int) SENTENCE.toMillis());
		// The reminder's sentence gets a tone of its own length, so the plays tell it
		// apart.
		CloudFakes.azure()
			.stubFor(post(urlPathEqualTo(AzureTtsStubs.PATH)).atPriority(1)
				.withRequestBody(containing(TEXT))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "audio/x-wav")
					.withBody(TestWavs.speech((int) REMINDER.toMillis()))));
		OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), "Opowiedz bajkę.");
		this.chat.streamText("bajk", List.of("Dawno temu była lampa. ", "Świeciła całą noc. ", "I tak zostało."));
	}

	@Test
	void aReminderDueMidAnswerIsSaidAfterTheAnswerAndBeforeListen() {
		try (FirmwareDevice device = connected()) {
			assertThat(device.speak(speech()).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.speaker.plays().size() == 1);
			this.reminders.schedule(LocalDateTime.now(this.clock).plusSeconds(2), TEXT);

			FirmwareDevice.Command shown = device.pollCommand(Duration.ofSeconds(10));
			Instant shownBy = Instant.now();
			FirmwareDevice.Command next = device.pollCommand(Duration.ofSeconds(20));
			Instant listenBy = Instant.now();

			assertThat(shown).isNotNull();
			assertThat(shown.cmd()).isEqualTo("display");
			assertThat(next).isNotNull();
			assertThat(next.cmd()).isEqualTo("listen");
			List<Request> plays = plays();
			assertThat(plays).extracting(ReminderDuringAnswerTest::lengthOf)
				.containsExactly(SENTENCE, SENTENCE, SENTENCE, REMINDER);
			Instant answerPlayedOut = plays.get(2).receivedAt().plus(SENTENCE);
			Instant reminderSaid = plays.get(3).receivedAt();
			assertThat(shownBy).as("the reminder fell due while the answer played").isBefore(answerPlayedOut);
			assertThat(reminderSaid).as("the reminder waited for the answer's audio")
				.isAfterOrEqualTo(answerPlayedOut.minus(SLACK));
			assertThat(listenBy).as("listen waited for the reminder's audio")
				.isAfterOrEqualTo(reminderSaid.plus(REMINDER).minus(SLACK));
			assertThat(this.speaker.aborts()).isZero();
		}
	}

	@Test
	void aWakeWordStillInterruptsAtOnceAndTheQueuedReminderIsSaidAfterTheNextAnswer() {
		try (FirmwareDevice device = connected()) {
			assertThat(device.speak(speech()).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.speaker.plays().size() == 1);
			this.reminders.schedule(LocalDateTime.now(this.clock).plusSeconds(2), TEXT);
			FirmwareDevice.Command shown = device.pollCommand(Duration.ofSeconds(10));
			assertThat(shown).isNotNull();
			assertThat(shown.cmd()).isEqualTo("display");

			device.wakeword();

			await().atMost(Duration.ofSeconds(5)).until(() -> chimeAt() >= 0);
			int chime = chimeAt();
			List<Request> requests = this.speaker.requests();
			assertThat(requests.get(chime - 1).kind()).as("abort, then the start chime").isEqualTo(Kind.ABORT);
			assertThat(requests.subList(0, chime)).extracting(ReminderDuringAnswerTest::lengthOf)
				.doesNotContain(REMINDER);

			OpenAiSpeechStubs.transcriptionReturns(CloudFakes.openAi(), "Co dalej?");
			this.chat.streamText("dalej", List.of("Nic więcej."));
			assertThat(device.speak(speech()).status()).isEqualTo(200);
			FirmwareDevice.Command next = device.pollCommand(Duration.ofSeconds(20));

			assertThat(next).isNotNull();
			assertThat(next.cmd()).isEqualTo("listen");
			List<Request> afterChime = this.speaker.requests().subList(chime + 1, this.speaker.requests().size());
			assertThat(afterChime).extracting(Request::kind).containsOnly(Kind.PLAY);
			assertThat(afterChime).extracting(ReminderDuringAnswerTest::lengthOf).containsExactly(SENTENCE, REMINDER);
			assertThat(afterChime.get(1).receivedAt())
				.isAfterOrEqualTo(afterChime.get(0).receivedAt().plus(SENTENCE).minus(SLACK));
		}
	}

	private int chimeAt() {
		List<Request> requests = this.speaker.requests();
		for (int i = 0; i < requests.size(); i++) {
			if (java.util.Arrays.equals(requests.get(i).body(), this.chimes.startChime())) {
				return i;
			}
		}
		return -1;
	}

	private List<Request> plays() {
		return this.speaker.requests().stream().filter((request) -> request.kind() == Kind.PLAY).toList();
	}

	private static Duration lengthOf(Request play) {
		if (play.kind() != Kind.PLAY) {
			return Duration.ZERO;
		}
		// Whole tenths of a second: the voice's tones are a little off after resampling.
		return Duration.ofMillis(Math.round(Wav.duration(play.body()).toMillis() / 100.0) * 100);
	}

	private static byte[] speech() {
		return TestWavs.tonePcm(PcmFormat.SPEECH, 600, 300);
	}

	private FirmwareDevice connected() {
		FirmwareDevice device = FirmwareDevice.connect(FirmwareOptions.forPort(this.port));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.devices.connected()
				.stream()
				.anyMatch((info) -> device.hostname().equals(info.hostname())));
		return device;
	}

}

package com.homemadealexa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import com.homemadealexa.audio.Chimes;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated ESP32 against the running server: the whole device flow, and each command
 * the admin routes send.
 */
class SimulatedDeviceTest extends RunningServerTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	Chimes chimes;

	@TempDir
	Path work;

	@Test
	void completesTheDeviceFlowFromWakeWordToListen() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.");
		chat.answerText("tell me a joke", "Knock knock.");
		try (SimulatedDevice device = connect("box-sim")) {
			await().atMost(WAIT).until(() -> this.devices.findByHostname("box-sim").isPresent());
			DeviceInfo registered = this.devices.findByHostname("box-sim").orElseThrow();
			assertThat(registered.hwType()).isEqualTo("SIMULATOR");
			assertThat(registered.macAddr()).hasSize(6);

			device.wakeword();
			await().atMost(WAIT).until(() -> speaker.aborts() == 1 && speaker.plays().size() == 1);
			assertThat(speaker.plays().get(0)).isEqualTo(this.chimes.startChime());

			SimulatedDevice.Utterance utterance = device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 1000, 300));

			assertThat(utterance.status()).isEqualTo(200);
			assertThat(utterance.transcript()).isEqualTo("Tell me a joke.");
			// Streamed like speech: the upload lasts as long as the audio.
			assertThat(utterance.upload()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
			await().atMost(WAIT).until(() -> device.events().contains(new SimulatorEvent.Listen()));
			assertThat(speaker.plays()).hasSize(2);
			assertThat(Wav.duration(speaker.plays().get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
			assertThat(device.events()).doesNotContain(new SimulatorEvent.Idle());
		}
	}

	@Test
	void goesIdleWhenTheConversationEnds() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Stop.");
		chat.callTool("stop", "stop", "{}");
		try (SimulatedDevice device = connect("box-sim")) {
			SimulatedDevice.Utterance utterance = device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 400, 300),
					PcmFormat.SPEECH, false);

			assertThat(utterance.transcript()).isEqualTo("Stop.");
			await().atMost(WAIT).until(() -> device.events().contains(new SimulatorEvent.Idle()));
			assertThat(speaker.plays()).last().isEqualTo(this.chimes.endChime());
		}
	}

	@Test
	void reportsAnSttErrorStatusLikeTheDeviceShowsIt() throws Exception {
		OpenAiSpeechStubs.transcriptionFails(openAi, OpenAiSpeechStubs.Failure.SERVER_ERROR);
		try (SimulatedDevice device = connect("box-sim")) {
			SimulatedDevice.Utterance utterance = device.speak(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300),
					PcmFormat.SPEECH, false);

			assertThat(utterance.status()).isEqualTo(502);
			assertThat(utterance.transcript()).isNull();
			assertThat(utterance.error()).contains("Speech-to-text failed");
		}
	}

	@Test
	void showsWhatTheDisplayRouteSends() throws Exception {
		try (SimulatedDevice device = connect("box-sim")) {
			await().atMost(WAIT).until(() -> this.devices.findByHostname("box-sim").isPresent());

			assertThat(
					post("/api/internal/display", "{\"title\": \"Dinner\", \"text\": \"Ready at 19:00\"}").statusCode())
				.isEqualTo(200);

			await().atMost(WAIT)
				.until(() -> device.events().contains(new SimulatorEvent.Display("Dinner", "Ready at 19:00")));
		}
	}

	@Test
	void startsListeningWhenTheListenRouteSaysSo() throws Exception {
		try (SimulatedDevice device = connect("box-sim")) {
			await().atMost(WAIT).until(() -> this.devices.findByHostname("box-sim").isPresent());

			assertThat(post("/api/internal/listen", "").statusCode()).isEqualTo(200);

			await().atMost(WAIT).until(() -> device.events().contains(new SimulatorEvent.Listen()));
		}
	}

	@Test
	void downloadsTheFirmwareOnOtaStartThenReboots() throws Exception {
		byte[] firmware = new byte[150_000];
		new Random(7).nextBytes(firmware);
		Files.createDirectories(folder.resolve("firmware"));
		Files.write(folder.resolve("firmware").resolve("box-2.0.bin"), firmware);
		try (SimulatedDevice device = connect("box-sim")) {
			await().atMost(WAIT).until(() -> this.devices.findByHostname("box-sim").isPresent());

			assertThat(post("/api/internal/ota", "{\"filename\": \"box-2.0.bin\"}").statusCode()).isEqualTo(200);

			await().atMost(WAIT)
				.until(() -> device.events()
					.stream()
					.anyMatch((event) -> event instanceof SimulatorEvent.OtaDownloaded(String url, long bytes)
							&& url.endsWith("/firmware/box-2.0.bin") && bytes == firmware.length));
			await().atMost(WAIT).until(() -> device.events().contains(new SimulatorEvent.Connected(2)));
			await().atMost(WAIT)
				.until(() -> this.devices.connected().size() == 1
						&& "box-sim".equals(this.devices.connected().get(0).hostname()));
		}
	}

	@Test
	void reconnectsAfterTheRestartRoute() throws Exception {
		try (SimulatedDevice device = connect("box-sim")) {
			await().atMost(WAIT).until(() -> this.devices.findByHostname("box-sim").isPresent());
			String before = this.devices.findByHostname("box-sim").orElseThrow().connectionId();

			assertThat(post("/api/internal/restart", "").statusCode()).isEqualTo(200);

			await().atMost(WAIT).until(() -> device.events().contains(new SimulatorEvent.Connected(2)));
			assertThat(device.events()).contains(new SimulatorEvent.Restarting());
			await().atMost(WAIT)
				.until(() -> this.devices.connected().size() == 1 && !before
					.equals(this.devices.findByHostname("box-sim").map(DeviceInfo::connectionId).orElse(before)));
		}
	}

	@Test
	void theDeviceCommandSpeaksAndPrintsWhatTheServerSends() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.");
		chat.answerText("tell me a joke", "Knock knock.");
		Path question = this.work.resolve("question.wav");
		Files.write(question, TestWavs.tone(new PcmFormat(22050, 16, 1), 500, 300));

		CliRun run = CliRun.of("device", "--name", "box-cli", "--server", server().toString(), "--wakeword", "--speak",
				question.toString(), "--once");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("[box-cli] Connected")
			.contains("[box-cli] → wakeword")
			.contains("[box-cli] Heard: Tell me a joke.")
			.contains("[box-cli] ← listen");
		assertThat(speaker.plays()).hasSize(2);
	}

	private SimulatedDevice connect(String name) {
		return SimulatedDevice.builder(server(), name).rebootDelay(Duration.ofMillis(100)).connect();
	}

}

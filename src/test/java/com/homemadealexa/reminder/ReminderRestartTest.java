package com.homemadealexa.reminder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.homemadealexa.HomemadeAlexaApplication;
import com.homemadealexa.reminder.RecordingPorts.RecordingSpeaker;
import com.homemadealexa.reminder.RecordingPorts.RecordingVoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders across a full stop and start of the application on the same SQLite file: each
 * test runs two application contexts one after the other on its own data folder.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReminderRestartTest {

	private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

	@TempDir
	Path dataDir;

	@AfterEach
	void databaseIsConsistent() throws Exception {
		assertThat(SqliteIntegrity.check(this.dataDir.resolve("alexa.db"))).isEqualTo("ok");
	}

	private ConfigurableApplicationContext start(int graceSeconds) {
		return new SpringApplicationBuilder(HomemadeAlexaApplication.class, RecordingPorts.class).run(
				"--data.dir=" + this.dataDir, "--server.port=0", "--assistant.time-zone=" + ZONE.getId(),
				"--reminders.misfire-grace-seconds=" + graceSeconds,
				// Quartz registers the DataSource JVM-wide under the scheduler's name:
				// a name of our own keeps cached test contexts off this database.
				"--spring.quartz.scheduler-name=reminders-restart-test");
	}

	private static LocalDateTime inSeconds(int seconds) {
		return LocalDateTime.now(ZONE).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
	}

	private static void awaitPassed(LocalDateTime moment) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> LocalDateTime.now(ZONE).isAfter(moment));
	}

	@Test
	void aReminderSurvivesARestartAndFiresExactlyOnce() {
		Reminder reminder;
		try (ConfigurableApplicationContext before = start(60)) {
			reminder = before.getBean(Reminders.class).schedule(inSeconds(4), "podlać kwiaty");
		}
		try (ConfigurableApplicationContext after = start(60)) {
			assertThat(after.getBean(Reminders.class).list()).extracting(Reminder::id).contains(reminder.id());
			RecordingVoice voice = after.getBean(RecordingVoice.class);
			RecordingSpeaker speaker = after.getBean(RecordingSpeaker.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> speaker.played.size() == 1);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> speaker.played.size() == 1);
			assertThat(voice.texts).containsExactly("Tak jak prosiłeś, przypomnienie: podlać kwiaty");
			assertThat(after.getBean(Reminders.class).list()).isEmpty();
		}
	}

	@Test
	void aReminderMissedWhileDownIsDeliveredOnceWithinTheGrace() {
		Reminder reminder;
		try (ConfigurableApplicationContext before = start(60)) {
			reminder = before.getBean(Reminders.class).schedule(inSeconds(2), "wyprowadzić psa");
		}
		awaitPassed(reminder.scheduledAt());
		try (ConfigurableApplicationContext after = start(60)) {
			RecordingSpeaker speaker = after.getBean(RecordingSpeaker.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> speaker.played.size() == 1);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> speaker.played.size() == 1);
			assertThat(after.getBean(RecordingVoice.class).texts)
				.containsExactly("Tak jak prosiłeś, przypomnienie: wyprowadzić psa");
			assertThat(after.getBean(Reminders.class).list()).isEmpty();
		}
	}

	@Test
	void aReminderMissedWhileDownBeyondTheGraceIsDropped(CapturedOutput output) {
		Reminder reminder;
		try (ConfigurableApplicationContext before = start(1)) {
			reminder = before.getBean(Reminders.class).schedule(inSeconds(2), "za późno");
		}
		awaitPassed(reminder.scheduledAt().plusSeconds(2));
		try (ConfigurableApplicationContext after = start(1)) {
			Reminders reminders = after.getBean(Reminders.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> output.getOut().contains(reminder.id() + " due at"));
			assertThat(output.getOut())
				.contains("Reminder " + reminder.id() + " due at " + reminder.scheduledAt() + " dropped");
			await().atMost(Duration.ofSeconds(5)).until(() -> reminders.find(reminder.id()).isEmpty());
			RecordingSpeaker speaker = after.getBean(RecordingSpeaker.class);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> speaker.played.isEmpty());
			assertThat(after.getBean(RecordingVoice.class).texts).isEmpty();
		}
	}

}

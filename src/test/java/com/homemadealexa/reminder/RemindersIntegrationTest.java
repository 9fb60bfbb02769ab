package com.homemadealexa.reminder;

import com.homemadealexa.i18n.PhrasesTestData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.reminder.RecordingPorts.DueReminders;
import com.homemadealexa.reminder.RecordingPorts.RecordingDevices;
import com.homemadealexa.reminder.RecordingPorts.RecordingSpeaker;
import com.homemadealexa.reminder.RecordingPorts.RecordingVoice;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Reminders on the real Quartz job store in a real SQLite file, through the service, a
 * skill bean and the admin routes over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RecordingPorts.class)
class RemindersIntegrationTest {

	static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
		registry.add("assistant.time-zone", ZONE::getId);
		// Quartz registers the DataSource JVM-wide under the scheduler's name: a name of
		// our own keeps other test contexts' schedulers off this database.
		registry.add("spring.quartz.scheduler-name", () -> "reminders-integration-test");
	}

	@LocalServerPort
	int port;

	@Autowired
	Reminders reminders;

	@Autowired
	SetReminderSkill setReminder;

	@Autowired
	RecordingVoice voice;

	@Autowired
	RecordingSpeaker speaker;

	@Autowired
	RecordingDevices devices;

	@Autowired
	DueReminders due;

	RestTestClient http;

	@BeforeEach
	void clean() {
		this.reminders.list().forEach((reminder) -> this.reminders.delete(reminder.id()));
		this.voice.clear();
		this.speaker.clear();
		this.devices.clear();
		this.due.clear();
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@AfterAll
	static void databaseIsConsistent() throws Exception {
		assertThat(SqliteIntegrity.check(dataDir.resolve("alexa.db"))).isEqualTo("ok");
	}

	static LocalDateTime tomorrowAt(int hour, int minute) {
		return LocalDateTime.now(ZONE).plusDays(1).withHour(hour).withMinute(minute).truncatedTo(ChronoUnit.MINUTES);
	}

	@Test
	void schedulesListsInTimeOrderAndDeletesById() {
		Reminder later = this.reminders.schedule(tomorrowAt(18, 0), "podlać kwiaty");
		Reminder sooner = this.reminders.schedule(tomorrowAt(7, 0), "wynieść śmieci");
		assertThat(later.id()).isNotEqualTo(sooner.id());
		assertThat(this.reminders.list()).containsExactly(sooner, later);
		assertThat(this.reminders.find(later.id())).contains(later);

		assertThat(this.reminders.delete(sooner.id())).isTrue();
		assertThat(this.reminders.delete(sooner.id())).isFalse();
		assertThat(this.reminders.list()).containsExactly(later);
	}

	@Test
	void deletesEveryReminderAtAnHourAndMinuteOnAnyDate() {
		Reminder tomorrow = this.reminders.schedule(tomorrowAt(15, 30), "wyprowadzić psa");
		Reminder nextWeek = this.reminders.schedule(tomorrowAt(15, 30).plusDays(7), "zapłacić rachunki");
		Reminder otherMinute = this.reminders.schedule(tomorrowAt(15, 31), "zostaje");
		assertThat(this.reminders.deleteAt(15, 30)).containsExactly(tomorrow, nextWeek);
		assertThat(this.reminders.list()).containsExactly(otherMinute);
		assertThat(this.reminders.deleteAt(15, 30)).isEmpty();
	}

	@Test
	void rejectsReminderInThePast() {
		assertThatExceptionOfType(ReminderRejectedException.class)
			.isThrownBy(() -> this.reminders.schedule(LocalDateTime.now(ZONE).minusMinutes(1), "za późno"));
		assertThatExceptionOfType(ReminderRejectedException.class)
			.isThrownBy(() -> this.reminders.schedule(tomorrowAt(9, 0), " "));
		assertThat(this.reminders.list()).isEmpty();
	}

	@Test
	void firesThroughThePortsWhenDueAndIsThenGone() {
		Reminder reminder = this.reminders.schedule(LocalDateTime.now(ZONE).plusSeconds(2), "wyprowadzić psa");

		await().atMost(Duration.ofSeconds(15)).until(() -> this.speaker.played.size() == 1);
		assertThat(this.voice.texts).containsExactly("Tak jak prosiłeś, przypomnienie: wyprowadzić psa");
		assertThat(this.speaker.played).containsExactly(RecordingVoice.WAV);
		assertThat(this.devices.broadcasts)
			.containsExactly(new DeviceCommand.Display("Przypomnienie", "wyprowadzić psa"));
		await().atMost(Duration.ofSeconds(2)).until(() -> this.due.events.size() == 1);
		assertThat(this.due.events).containsExactly(new ReminderDue(reminder.id(), reminder.scheduledAt(),
				"wyprowadzić psa", "Tak jak prosiłeś, przypomnienie: wyprowadzić psa"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.reminders.find(reminder.id()).isEmpty());
	}

	@Test
	void setReminderSkillStoresTheReminderPersistently() {
		ZonedDateTime now = ZonedDateTime.now(ZONE);
		LocalDateTime at = tomorrowAt(7, 0);
		SkillResult result = this.setReminder.execute(
				new SkillArguments(Map.of("scheduled_at", at.toString(), "reminder_text", "wynieść śmieci")),
				new SkillContext("kitchen", PhrasesTestData.POLISH, now));
		assertThat(result.end()).isTrue();
		assertThat(result.phrases()).contains("Dobrze, przypomnę jutro o 7:00: wynieść śmieci.");
		assertThat(this.reminders.list()).extracting(Reminder::scheduledAt, Reminder::text)
			.containsExactly(tuple(at, "wynieść śmieci"));
	}

	@Test
	void setReminderSkillRefusesThePast() {
		ZonedDateTime now = ZonedDateTime.now(ZONE);
		SkillResult result = this.setReminder
			.execute(
					new SkillArguments(Map.of("scheduled_at", now.toLocalDateTime().minusHours(1).toString(),
							"reminder_text", "wynieść śmieci")),
					new SkillContext("kitchen", PhrasesTestData.POLISH, now));
		assertThat(result.end()).isFalse();
		assertThat(result.label()).isEqualTo("reminder in the past");
		assertThat(this.reminders.list()).isEmpty();
	}

	@Test
	void aReminderInTheDaylightSavingGapKeepsTheTimeItReallyFires() {
		ZoneOffsetTransition gap = ZONE.getRules().nextTransition(java.time.Instant.now());
		while (!gap.isGap()) {
			gap = ZONE.getRules().nextTransition(gap.getInstant());
		}
		LocalDateTime missing = gap.getDateTimeBefore().plusMinutes(30);
		Reminder reminder = this.reminders.schedule(missing, "w przerwie");
		assertThat(reminder.scheduledAt()).isEqualTo(gap.getDateTimeAfter().plusMinutes(30));
		assertThat(this.reminders.list()).extracting(Reminder::scheduledAt)
			.containsExactly(gap.getDateTimeAfter().plusMinutes(30));
	}

	@Test
	void refusesAbsurdTimesAndTextsWithAReason() {
		assertThatExceptionOfType(ReminderRejectedException.class)
			.isThrownBy(() -> this.reminders.schedule(LocalDateTime.now(ZONE).plusYears(11), "za daleko"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ReminderRejectedException.Reason.TOO_FAR));
		assertThatExceptionOfType(ReminderRejectedException.class)
			.isThrownBy(() -> this.reminders.schedule(tomorrowAt(9, 0), "x".repeat(Reminders.MAX_TEXT_CHARS + 1)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ReminderRejectedException.Reason.TOO_LONG));
		this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("scheduled_at", "+300000000-01-01T00:00:00", "text", "w roku 300000000"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("scheduled_at", tomorrowAt(9, 0).toString(), "text", "x".repeat(1_000_000)))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
		assertThat(this.reminders.list()).isEmpty();
	}

	@Test
	void setReminderSkillSaysWhyATimeIsTooFar() {
		ZonedDateTime now = ZonedDateTime.now(ZONE);
		SkillResult result = this.setReminder.execute(
				new SkillArguments(Map.of("scheduled_at", LocalDateTime.MAX.toString(), "reminder_text", "kiedyś")),
				new SkillContext("kitchen", PhrasesTestData.POLISH, now));
		assertThat(result.label()).isEqualTo("reminder too far ahead");
		assertThat(result.phrases()).contains("Mogę ustawić przypomnienie najwyżej dziesięć lat naprzód.");
		assertThat(this.reminders.list()).isEmpty();
	}

	@Test
	void adminRoutesCreateListAndDelete() {
		String at = tomorrowAt(15, 30).toString();
		String id = this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("scheduled_at", at, "text", "wyprowadzić psa"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ReminderController.ReminderView.class)
			.returnResult()
			.getResponseBody()
			.id();
		assertThat(this.reminders.find(id)).map(Reminder::text).contains("wyprowadzić psa");

		this.http.get()
			.uri("/api/internal/reminders")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].id")
			.isEqualTo(id)
			.jsonPath("$[0].scheduled_at")
			.isEqualTo(at + ":00")
			.jsonPath("$[0].text")
			.isEqualTo("wyprowadzić psa");

		this.http.get()
			.uri("/api/internal/reminders/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.text")
			.isEqualTo("wyprowadzić psa");

		this.http.delete().uri("/api/internal/reminders/{id}", id).exchange().expectStatus().isNoContent();
		assertThat(this.reminders.list()).isEmpty();
		this.http.get().uri("/api/internal/reminders/{id}", id).exchange().expectStatus().isNotFound();
	}

	@Test
	void adminRouteAnswersNotFoundForAnUnknownReminder() {
		this.http.delete()
			.uri("/api/internal/reminders/{id}", "no-such-reminder")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("There is no reminder no-such-reminder");
	}

	@Test
	void adminRouteRejectsReminderInThePast() {
		String past = LocalDateTime.now(ZONE).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString();
		this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("scheduled_at", past, "text", "za późno"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("has already passed"));
		assertThat(this.reminders.list()).isEmpty();
	}

	@Test
	void adminRouteRejectsAnUnreadableTimeAndABlankText() {
		this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("scheduled_at", "tomorrow at seven", "text", "wynieść śmieci"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("ISO-8601"));
		this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("scheduled_at", tomorrowAt(7, 0).toString(), "text", " "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/internal/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "bez czasu"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.reminders.list()).isEmpty();
	}

}

package com.homemadealexa.reminder;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderTimesTest {

	private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	@Test
	void readsIsoLocalDateTimesWithOrWithoutSeconds() {
		assertThat(ReminderTimes.parseDateTime("2026-05-14T15:30:00", WARSAW))
			.contains(LocalDateTime.of(2026, 5, 14, 15, 30));
		assertThat(ReminderTimes.parseDateTime(" 2026-05-14T15:30 ", WARSAW))
			.contains(LocalDateTime.of(2026, 5, 14, 15, 30));
	}

	@Test
	void toleratesASpaceInsteadOfTheT() {
		assertThat(ReminderTimes.parseDateTime("2026-05-14 07:05", WARSAW))
			.contains(LocalDateTime.of(2026, 5, 14, 7, 5));
	}

	@Test
	void convertsAnExplicitOffsetToTheHouseholdZone() {
		assertThat(ReminderTimes.parseDateTime("2026-05-14T13:30:00Z", WARSAW))
			.contains(LocalDateTime.of(2026, 5, 14, 15, 30));
		assertThat(ReminderTimes.parseDateTime("2026-01-14T15:30:00+01:00", WARSAW))
			.contains(LocalDateTime.of(2026, 1, 14, 15, 30));
	}

	@Test
	void refusesWhatIsNotADateTime() {
		assertThat(ReminderTimes.parseDateTime("jutro o siódmej", WARSAW)).isEmpty();
		assertThat(ReminderTimes.parseDateTime("2026-02-30T10:00", WARSAW)).isEmpty();
		assertThat(ReminderTimes.parseDateTime("2026-05-14T25:00", WARSAW)).isEmpty();
		assertThat(ReminderTimes.parseDateTime("15:30", WARSAW)).isEmpty();
		assertThat(ReminderTimes.parseDateTime("", WARSAW)).isEmpty();
	}

	@Test
	void readsATimeOfDayFromADateTimeOrABareTime() {
		assertThat(ReminderTimes.parseTime("2026-05-14T15:30:00", WARSAW)).contains(LocalTime.of(15, 30));
		assertThat(ReminderTimes.parseTime("15:30", WARSAW)).contains(LocalTime.of(15, 30));
		assertThat(ReminderTimes.parseTime("7:30", WARSAW)).isEmpty();
		assertThat(ReminderTimes.parseTime("half past three", WARSAW)).isEmpty();
	}

	@Test
	void speaksTheClockWithoutALeadingZeroHour() {
		assertThat(ReminderTimes.clock(LocalTime.of(7, 0))).isEqualTo("7:00");
		assertThat(ReminderTimes.clock(LocalTime.of(15, 30, 59))).isEqualTo("15:30");
	}

}

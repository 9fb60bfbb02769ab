package com.homemadealexa.reminder;

import com.homemadealexa.i18n.PhrasesTestData;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FriendlyTimeTest {

	/** Wednesday. */
	private static final LocalDateTime NOW = LocalDateTime.of(2026, 5, 13, 10, 0);

	private final FriendlyTime polish = new FriendlyTime(PhrasesTestData.phrases(PhrasesTestData.POLISH));

	private final FriendlyTime english = new FriendlyTime(PhrasesTestData.phrases(PhrasesTestData.ENGLISH));

	@Test
	void sameDateIsToday() {
		assertThat(pl(NOW.withHour(15).withMinute(30))).isEqualTo("dziś o 15:30");
		assertThat(en(NOW.withHour(23).withMinute(59))).isEqualTo("today at 23:59");
	}

	@Test
	void nextDateIsTomorrowEvenIfFewerThanTwentyFourHoursAway() {
		LocalDateTime lateEvening = LocalDateTime.of(2026, 5, 13, 22, 0);
		LocalDateTime earlyMorning = LocalDateTime.of(2026, 5, 14, 7, 0);
		assertThat(new FriendlyTime(PhrasesTestData.phrases(PhrasesTestData.POLISH)).describe(earlyMorning, lateEvening,
				PhrasesTestData.POLISH))
			.isEqualTo("jutro o 7:00");
		assertThat(en(earlyMorning)).isEqualTo("tomorrow at 7:00");
	}

	@Test
	void tomorrowCrossesTheYear() {
		LocalDateTime newYearsEve = LocalDateTime.of(2026, 12, 31, 20, 0);
		assertThat(this.english.describe(LocalDateTime.of(2027, 1, 1, 0, 5), newYearsEve, PhrasesTestData.ENGLISH))
			.isEqualTo("tomorrow at 0:05");
	}

	@Test
	void twoToSixDaysAheadIsTheWeekday() {
		assertThat(NOW.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
		assertThat(pl(LocalDateTime.of(2026, 5, 15, 9, 0))).isEqualTo("w piątek o 9:00");
		assertThat(en(LocalDateTime.of(2026, 5, 15, 9, 0))).isEqualTo("on Friday at 9:00");
		assertThat(pl(LocalDateTime.of(2026, 5, 16, 8, 15))).isEqualTo("w sobotę o 8:15");
		assertThat(pl(LocalDateTime.of(2026, 5, 17, 8, 15))).isEqualTo("w niedzielę o 8:15");
		assertThat(pl(LocalDateTime.of(2026, 5, 18, 8, 15))).isEqualTo("w poniedziałek o 8:15");
		assertThat(pl(LocalDateTime.of(2026, 5, 19, 18, 45))).isEqualTo("we wtorek o 18:45");
		assertThat(en(LocalDateTime.of(2026, 5, 19, 18, 45))).isEqualTo("on Tuesday at 18:45");
	}

	@Test
	void sevenDaysAheadIsInAWeek() {
		assertThat(pl(LocalDateTime.of(2026, 5, 20, 9, 0))).isEqualTo("za tydzień o 9:00");
		assertThat(en(LocalDateTime.of(2026, 5, 20, 9, 0))).isEqualTo("in a week at 9:00");
	}

	@Test
	void eightOrMoreDaysAheadIsCountedInDays() {
		assertThat(pl(LocalDateTime.of(2026, 5, 21, 9, 0))).isEqualTo("za 8 dni o 9:00");
		assertThat(pl(LocalDateTime.of(2026, 5, 25, 9, 0))).isEqualTo("za 12 dni o 9:00");
		assertThat(en(LocalDateTime.of(2026, 5, 25, 9, 0))).isEqualTo("in 12 days at 9:00");
		assertThat(en(LocalDateTime.of(2027, 5, 13, 9, 0))).isEqualTo("in 365 days at 9:00");
	}

	@Test
	void anEarlierDateIsGivenAsADate() {
		assertThat(pl(LocalDateTime.of(2026, 5, 12, 9, 0))).isEqualTo("2026-05-12 o 9:00");
		assertThat(en(LocalDateTime.of(2026, 5, 12, 9, 0))).isEqualTo("on 2026-05-12 at 9:00");
	}

	private String pl(LocalDateTime at) {
		return this.polish.describe(at, NOW, PhrasesTestData.POLISH);
	}

	private String en(LocalDateTime at) {
		return this.english.describe(at, NOW, Locale.forLanguageTag("en-US"));
	}

}

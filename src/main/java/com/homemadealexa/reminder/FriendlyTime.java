package com.homemadealexa.reminder;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.homemadealexa.i18n.Phrases;

import org.springframework.stereotype.Component;

/**
 * Says when a reminder is due, relative to now, by calendar days between the two dates:
 * <ul>
 * <li>0 days: "today at 15:30" / "dziś o 15:30"</li>
 * <li>1 day: "tomorrow at 7:00" / "jutro o 7:00"</li>
 * <li>2–6 days: the weekday, "on Friday at 9:00" / "w piątek o 9:00" (unambiguous: the
 * next occurrence of that weekday)</li>
 * <li>7 days: "in a week at 9:00" / "za tydzień o 9:00"</li>
 * <li>8 days or more: "in 12 days at 9:00" / "za 12 dni o 9:00"</li>
 * <li>a past date (a reminder about to be delivered): the date, "on 2026-05-13 at
 * 9:00"</li>
 * </ul>
 */
@Component
class FriendlyTime {

	private final Phrases phrases;

	FriendlyTime(Phrases phrases) {
		this.phrases = phrases;
	}

	String describe(LocalDateTime at, LocalDateTime now, Locale locale) {
		String clock = ReminderTimes.clock(at.toLocalTime());
		long days = ChronoUnit.DAYS.between(now.toLocalDate(), at.toLocalDate());
		if (days < 0) {
			return text(locale, "reminders.when.date", at.toLocalDate().toString(), clock);
		}
		if (days == 0) {
			return text(locale, "reminders.when.today", clock);
		}
		if (days == 1) {
			return text(locale, "reminders.when.tomorrow", clock);
		}
		if (days < 7) {
			DayOfWeek day = at.getDayOfWeek();
			return text(locale, "reminders.when." + day.name().toLowerCase(Locale.ROOT), clock);
		}
		if (days == 7) {
			return text(locale, "reminders.when.week", clock);
		}
		return text(locale, "reminders.when.days", Long.toString(days), clock);
	}

	private String text(Locale locale, String key, Object... args) {
		return this.phrases.text(locale, key, args);
	}

}

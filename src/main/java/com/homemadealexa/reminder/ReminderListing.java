package com.homemadealexa.reminder;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.Plurals;

import org.springframework.stereotype.Component;

/**
 * Spoken lists of reminders ("dziś o 15:30 — wyprowadzić psa, jutro o 7:00 — ...") and
 * their counted noun ("2 przypomnienia").
 */
@Component
class ReminderListing {

	private final Phrases phrases;

	private final FriendlyTime friendlyTime;

	ReminderListing(Phrases phrases, FriendlyTime friendlyTime) {
		this.phrases = phrases;
		this.friendlyTime = friendlyTime;
	}

	/** More than this many are summed up as "and N more" instead of read out. */
	static final int SPOKEN_ITEMS = 10;

	String items(List<Reminder> reminders, LocalDateTime now, Locale locale) {
		String spoken = reminders.stream()
			.limit(SPOKEN_ITEMS)
			.map((reminder) -> this.phrases.text(locale, "reminders.item",
					this.friendlyTime.describe(reminder.scheduledAt(), now, locale), reminder.text()))
			.collect(Collectors.joining(", "));
		int rest = reminders.size() - SPOKEN_ITEMS;
		return (rest > 0) ? spoken + this.phrases.text(locale, "reminders.list.more", Integer.toString(rest)) : spoken;
	}

	/**
	 * @return the word for this many reminders, e.g. "przypomnień" for 5
	 */
	String noun(int count, Locale locale) {
		return this.phrases.text(locale,
				"reminders.count." + Plurals.form(locale, count).name().toLowerCase(Locale.ROOT));
	}

}

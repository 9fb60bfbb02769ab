package com.homemadealexa.reminder;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads the times that the model and the admin routes pass around. They should be
 * ISO-8601 local date-times ({@code 2026-05-14T15:30:00}); a space instead of the
 * {@code T} and an explicit offset or zone are tolerated, the latter converted to the
 * household's zone.
 */
final class ReminderTimes {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm");

	private ReminderTimes() {
	}

	static Optional<LocalDateTime> parseDateTime(String value, ZoneId zone) {
		String text = value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +", "$1T");
		try {
			return Optional.of(LocalDateTime.parse(text));
		}
		catch (DateTimeException notLocal) {
			try {
				return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME)
					.withZoneSameInstant(zone)
					.toLocalDateTime());
			}
			catch (DateTimeException unparseable) {
				return Optional.empty();
			}
		}
	}

	/**
	 * @return the time of day of a date-time, or a bare time such as {@code 15:30}
	 */
	static Optional<LocalTime> parseTime(String value, ZoneId zone) {
		Optional<LocalDateTime> dateTime = parseDateTime(value, zone);
		if (dateTime.isPresent()) {
			return dateTime.map(LocalDateTime::toLocalTime);
		}
		try {
			return Optional.of(LocalTime.parse(value.strip()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the time of day as spoken and shown, e.g. {@code 7:00}, {@code 15:30}
	 */
	static String clock(LocalTime time) {
		return CLOCK.format(time);
	}

}

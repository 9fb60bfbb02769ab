package com.homemadealexa.assistant;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spoken time from a template slot: a clock time ("15:30", "o 7", "at 7:30":
 * today, or tomorrow when that time has passed) or a delay ("za 20 minut", "in 2 hours",
 * "za pół godziny", "in an hour").
 */
final class SpokenTime {

	private static final Pattern CLOCK = Pattern.compile("(?:(?:o|at|on|na|about|around) )?(\\d{1,2})(?::(\\d{2}))?");

	private static final Pattern DELAY = Pattern.compile("(?:za|in) (\\d+ |pół |pol |half an? |an? )?(\\p{L}+)");

	private SpokenTime() {
	}

	static Optional<LocalDateTime> parse(String spoken, LocalDateTime now) {
		Matcher clock = CLOCK.matcher(spoken);
		if (clock.matches()) {
			int hour = Integer.parseInt(clock.group(1));
			int minute = (clock.group(2) != null) ? Integer.parseInt(clock.group(2)) : 0;
			if (hour > 23 || minute > 59) {
				return Optional.empty();
			}
			LocalDateTime today = now.toLocalDate().atTime(LocalTime.of(hour, minute));
			return Optional.of(today.isAfter(now) ? today : today.plusDays(1));
		}
		Matcher delay = DELAY.matcher(spoken);
		if (delay.matches()) {
			String amount = (delay.group(1) != null) ? delay.group(1).strip() : "";
			ChronoUnit unit = unit(delay.group(2));
			if (unit == null) {
				return Optional.empty();
			}
			if (amount.equals("pół") || amount.equals("pol") || amount.startsWith("half")) {
				return Optional.of(now.plus(unit.getDuration().dividedBy(2)).truncatedTo(ChronoUnit.SECONDS));
			}
			// An absurd amount ("in 99999999999999999999 minutes") is a time beyond any
			// horizon, so the reminder is refused as too far ahead rather than failing.
			if (amount.length() > 9) {
				return Optional.of(LocalDateTime.MAX);
			}
			long count = amount.matches("\\d+") ? Long.parseLong(amount) : 1;
			try {
				return Optional.of(now.plus(count, unit).truncatedTo(ChronoUnit.SECONDS));
			}
			catch (DateTimeException | ArithmeticException ex) {
				return Optional.of(LocalDateTime.MAX);
			}
		}
		return Optional.empty();
	}

	private static ChronoUnit unit(String word) {
		if (word.startsWith("minut") || word.equals("min") || word.startsWith("minute")) {
			return ChronoUnit.MINUTES;
		}
		if (word.startsWith("godzin") || word.startsWith("hour")) {
			return ChronoUnit.HOURS;
		}
		if (word.startsWith("sekund") || word.startsWith("second")) {
			return ChronoUnit.SECONDS;
		}
		if (word.startsWith("dzie") || word.equals("dni") || word.startsWith("day")) {
			return ChronoUnit.DAYS;
		}
		return null;
	}

}

package com.homemadealexa.weather;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.Plurals;
import org.jspecify.annotations.Nullable;

import org.springframework.context.NoSuchMessageException;

/**
 * Words the conditions as sentences: weather, temperature and feels-like; humidity and
 * pressure; sunrise and sunset in the tense that fits the time of the command. Numbers
 * are rounded to whole units, with nouns in the right plural form.
 */
final class WeatherReport {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm");

	private final Phrases phrases;

	private final String place;

	WeatherReport(Phrases phrases, String place) {
		this.phrases = phrases;
		this.place = place;
	}

	/**
	 * @return alternatives of the whole report (they differ in the first sentence)
	 */
	List<String> sentences(Conditions conditions, Locale locale, ZonedDateTime now) {
		String temperature = degrees(locale, conditions.temperature());
		String feelsLike = degrees(locale, conditions.feelsLike());
		String description = description(conditions, locale);
		List<String> openings = (description != null)
				? this.phrases.all(locale, "weather.current", this.place, description, temperature, feelsLike)
				: this.phrases.all(locale, "weather.current.plain", this.place, temperature, feelsLike);
		List<String> rest = new ArrayList<>();
		rest.add(this.phrases.text(locale, "weather.details", String.valueOf(Math.round(conditions.humidity())),
				count(locale, conditions.pressure(), "hectopascal")));
		String sun = sun(conditions, locale, now);
		if (sun != null) {
			rest.add(sun);
		}
		String tail = String.join(" ", rest);
		return openings.stream().map((opening) -> opening + " " + tail).toList();
	}

	private String degrees(Locale locale, double celsius) {
		// Half away from zero, so that -12.5 is as cold as 12.5 is warm.
		long magnitude = Math.round(Math.abs(celsius));
		String amount = count(locale, magnitude, "degree");
		return (celsius < 0 && magnitude > 0) ? this.phrases.text(locale, "weather.minus", amount) : amount;
	}

	private String count(Locale locale, double value, String unit) {
		long n = Math.round(value);
		String key = "weather.unit." + unit + ".";
		return Plurals.count(locale, n, this.phrases.text(locale, key + "one"), this.phrases.text(locale, key + "few"),
				this.phrases.text(locale, key + "many"));
	}

	private @Nullable String description(Conditions conditions, Locale locale) {
		if (conditions.description() != null) {
			return conditions.description();
		}
		if (conditions.wmoCode() == null) {
			return null;
		}
		try {
			return this.phrases.text(locale, "weather.wmo." + conditions.wmoCode());
		}
		catch (NoSuchMessageException ex) {
			// A code WMO added later: the report simply goes without a description.
			return null;
		}
	}

	private @Nullable String sun(Conditions conditions, Locale locale, ZonedDateTime now) {
		Instant sunrise = conditions.sunrise();
		Instant sunset = conditions.sunset();
		if (sunrise == null || sunset == null) {
			return null;
		}
		Instant instant = now.toInstant();
		String key;
		if (instant.isBefore(sunrise)) {
			key = "weather.sun.before_sunrise";
		}
		else if (instant.isBefore(sunset)) {
			key = "weather.sun.daytime";
		}
		else {
			key = "weather.sun.after_sunset";
		}
		return this.phrases.text(locale, key, CLOCK.format(sunrise.atZone(now.getZone())),
				CLOCK.format(sunset.atZone(now.getZone())));
	}

}

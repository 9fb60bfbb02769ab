package com.homemadealexa.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Keeps the last report for a while: the weather changes slowly and the services limit
 * calls. Ages are measured against the command's time, so tests control them. A failure
 * is never cached.
 */
final class WeatherCache {

	private final Duration lifetime;

	private final AtomicReference<Entry> last = new AtomicReference<>();

	WeatherCache(Duration lifetime) {
		this.lifetime = lifetime;
	}

	Conditions get(Locale locale, Instant now, Function<Locale, Conditions> fetch) {
		Entry entry = this.last.get();
		if (entry != null && entry.locale().equals(locale) && !now.isBefore(entry.fetchedAt())
				&& now.isBefore(entry.fetchedAt().plus(this.lifetime))) {
			return entry.conditions();
		}
		Conditions fresh = fetch.apply(locale);
		this.last.set(new Entry(locale, now, fresh));
		return fresh;
	}

	private record Entry(Locale locale, Instant fetchedAt, Conditions conditions) {

	}

}

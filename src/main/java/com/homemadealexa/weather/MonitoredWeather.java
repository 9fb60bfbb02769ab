package com.homemadealexa.weather;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A weather service that remembers how its last call went, for the health endpoint: the
 * weather is fetched only when asked for, so its last outcome says more than a probe
 * would, and costs nothing. Thread-safe.
 */
final class MonitoredWeather implements WeatherSource {

	private final WeatherSource source;

	private final AtomicReference<@Nullable Boolean> lastCallSucceeded = new AtomicReference<>();

	MonitoredWeather(WeatherSource source) {
		this.source = source;
	}

	@Override
	public String name() {
		return this.source.name();
	}

	@Override
	public Conditions current(Locale locale) {
		try {
			Conditions conditions = this.source.current(locale);
			this.lastCallSucceeded.set(true);
			return conditions;
		}
		catch (RuntimeException ex) {
			this.lastCallSucceeded.set(false);
			throw ex;
		}
	}

	/**
	 * @return whether the last call succeeded; null before the first one
	 */
	@Nullable Boolean lastCallSucceeded() {
		return this.lastCallSucceeded.get();
	}

}

package com.homemadealexa.weather;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Open-Meteo's forecast API, which needs no key. Its times are local to the place
 * ({@code timezone=auto}) and come with the place's UTC offset.
 */
final class OpenMeteoWeather implements WeatherSource {

	// pressure_msl is what forecasts quote; surface_pressure is the fallback.
	private static final String CURRENT = "temperature_2m,apparent_temperature,relative_humidity_2m,surface_pressure,pressure_msl,weather_code";

	private final WeatherHttp http;

	private final WeatherSettings settings;

	OpenMeteoWeather(WeatherHttp http, WeatherSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "Open-Meteo";
	}

	@Override
	public Conditions current(Locale locale) {
		Forecast forecast = this.http.get(Forecast.class,
				baseUrl(this.settings.openMeteoUrl())
						+ "/v1/forecast?latitude={latitude}&longitude={longitude}&current={current}"
						+ "&daily=sunrise,sunset&timezone=auto&forecast_days=1",
				this.settings.latitude(), this.settings.longitude(), CURRENT);
		Current current = forecast.current();
		if (current == null || current.temperature() == null || current.apparentTemperature() == null
				|| current.humidity() == null || (current.pressureMsl() == null && current.surfacePressure() == null)) {
			throw this.http.unavailable("answered without the current temperature, humidity or pressure");
		}
		ZoneOffset offset = ZoneOffset
			.ofTotalSeconds((forecast.utcOffsetSeconds() != null) ? forecast.utcOffsetSeconds() : 0);
		Daily daily = forecast.daily();
		return new Conditions(current.temperature(), current.apparentTemperature(), current.humidity(),
				(current.pressureMsl() != null) ? current.pressureMsl() : current.surfacePressure(),
				current.weatherCode(), null, (daily != null) ? first(daily.sunrise(), offset) : null,
				(daily != null) ? first(daily.sunset(), offset) : null);
	}

	static String baseUrl(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private @Nullable Instant first(@Nullable List<@Nullable String> localTimes, ZoneOffset offset) {
		if (localTimes == null || localTimes.isEmpty() || localTimes.getFirst() == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(localTimes.getFirst()).toInstant(offset);
		}
		catch (DateTimeParseException ex) {
			throw this.http.unavailable("answered a time that is not ISO-8601: " + localTimes.getFirst());
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Forecast(@JsonProperty("utc_offset_seconds") @Nullable Integer utcOffsetSeconds, @Nullable Current current,
			@Nullable Daily daily) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Current(@JsonProperty("temperature_2m") @Nullable Double temperature,
			@JsonProperty("apparent_temperature") @Nullable Double apparentTemperature,
			@JsonProperty("relative_humidity_2m") @Nullable Double humidity,
			@JsonProperty("pressure_msl") @Nullable Double pressureMsl,
			@JsonProperty("surface_pressure") @Nullable Double surfacePressure,
			@JsonProperty("weather_code") @Nullable Integer weatherCode) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Daily(@Nullable List<@Nullable String> sunrise, @Nullable List<@Nullable String> sunset) {

	}

}

package com.homemadealexa.weather;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * OpenWeatherMap's current weather API (needs a key). It words the description itself in
 * the requested language and gives sunrise and sunset as Unix seconds.
 */
final class OpenWeatherMapWeather implements WeatherSource {

	private final WeatherHttp http;

	private final WeatherSettings settings;

	OpenWeatherMapWeather(WeatherHttp http, WeatherSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "OpenWeatherMap";
	}

	@Override
	public Conditions current(Locale locale) {
		Answer answer = this.http.get(Answer.class,
				OpenMeteoWeather.baseUrl(this.settings.openweathermapUrl())
						+ "/data/2.5/weather?lat={latitude}&lon={longitude}&appid={key}&units=metric&lang={language}",
				this.settings.latitude(), this.settings.longitude(), this.settings.openweathermapApiKey(),
				locale.getLanguage());
		Main main = answer.main();
		if (main == null || main.temp() == null || main.feelsLike() == null || main.humidity() == null
				|| main.pressure() == null) {
			throw this.http.unavailable("answered without the temperature, humidity or pressure");
		}
		String description = (answer.weather() != null && !answer.weather().isEmpty())
				? answer.weather().getFirst().description() : null;
		Sys sys = answer.sys();
		return new Conditions(main.temp(), main.feelsLike(), main.humidity(), main.pressure(), null,
				(description != null && !description.isBlank()) ? description : null,
				(sys != null) ? instant(sys.sunrise()) : null, (sys != null) ? instant(sys.sunset()) : null);
	}

	private static @Nullable Instant instant(@Nullable Long epochSeconds) {
		return (epochSeconds != null && epochSeconds > 0) ? Instant.ofEpochSecond(epochSeconds) : null;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(@Nullable List<Weather> weather, @Nullable Main main, @Nullable Sys sys) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Weather(@Nullable String description) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Main(@Nullable Double temp, @JsonProperty("feels_like") @Nullable Double feelsLike,
			@Nullable Double pressure, @Nullable Double humidity) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Sys(@Nullable Long sunrise, @Nullable Long sunset) {

	}

}

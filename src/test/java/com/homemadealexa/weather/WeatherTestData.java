package com.homemadealexa.weather;

import java.time.LocalDateTime;

import com.homemadealexa.skill.SkillContextTestData;

/**
 * Settings and answers shaped like the real Open-Meteo and OpenWeatherMap responses for
 * Warsaw on Monday 23 November 2026 (sunrise 7:12, sunset 15:40).
 */
final class WeatherTestData {

	static final String API_KEY = "0123456789abcdef0123456789abcdef";

	private WeatherTestData() {
	}

	static WeatherSettings openMeteo(String url, int timeoutSeconds) {
		return new WeatherSettings("Warszawa", 52.2297, 21.0122, url, "", "http://127.0.0.1:9", 10, timeoutSeconds);
	}

	static WeatherSettings openWeatherMap(String url, int timeoutSeconds) {
		return new WeatherSettings("Warszawa", 52.2297, 21.0122, "http://127.0.0.1:9", API_KEY, url, 10,
				timeoutSeconds);
	}

	static String openMeteoAnswer() {
		return openMeteoAnswer(3.4, -0.6, 3);
	}

	static String openMeteoAnswer(double temperature, double apparent, int weatherCode) {
		return """
				{"latitude":52.23,"longitude":21.01,"generationtime_ms":0.0457763671875,"utc_offset_seconds":3600,
				 "timezone":"Europe/Warsaw","timezone_abbreviation":"GMT+1","elevation":112.0,
				 "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°C","apparent_temperature":"°C",
				  "relative_humidity_2m":"%%","surface_pressure":"hPa","pressure_msl":"hPa","weather_code":"wmo code"},
				 "current":{"time":"2026-11-23T14:00","interval":900,"temperature_2m":%s,"apparent_temperature":%s,
				  "relative_humidity_2m":87,"surface_pressure":1000.1,"pressure_msl":1013.4,"weather_code":%d},
				 "daily_units":{"time":"iso8601","sunrise":"iso8601","sunset":"iso8601"},
				 "daily":{"time":["2026-11-23"],"sunrise":["2026-11-23T07:12"],"sunset":["2026-11-23T15:40"]}}
				"""
			.formatted(temperature, apparent, weatherCode);
	}

	static String openWeatherMapAnswer(String description) {
		return """
				{"coord":{"lon":21.0122,"lat":52.2297},
				 "weather":[{"id":804,"main":"Clouds","description":"%s","icon":"04d"}],
				 "base":"stations",
				 "main":{"temp":22.4,"feels_like":21.9,"temp_min":21.1,"temp_max":23.2,"pressure":1002,"humidity":64,
				  "sea_level":1002,"grnd_level":989},
				 "visibility":10000,"wind":{"speed":4.12,"deg":250},"clouds":{"all":100},"dt":%d,
				 "sys":{"type":2,"id":2032856,"country":"PL","sunrise":%d,"sunset":%d},
				 "timezone":3600,"id":756135,"name":"Warsaw","cod":200}
				""".formatted(description, epoch("2026-11-23T14:00"), epoch("2026-11-23T07:12"),
				epoch("2026-11-23T15:40"));
	}

	static long epoch(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SkillContextTestData.WARSAW).toEpochSecond();
	}

}

package com.homemadealexa.weather;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the weather service: OpenWeatherMap when it has a key, Open-Meteo otherwise.
 */
@Configuration(proxyBeanMethods = false)
class WeatherConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WeatherConfiguration.class);

	@Bean
	MonitoredWeather weatherSource(WeatherSettings settings, JsonMapper json) {
		WeatherSource source = source(settings, json);
		log.info("Weather for {} from {}", settings.place(), source.name());
		return new MonitoredWeather(source);
	}

	static WeatherSource source(WeatherSettings settings, JsonMapper json) {
		if (settings.usesOpenWeatherMap()) {
			return new OpenWeatherMapWeather(
					new WeatherHttp(settings.timeout(), json, "OpenWeatherMap", settings.openweathermapApiKey()),
					settings);
		}
		return new OpenMeteoWeather(new WeatherHttp(settings.timeout(), json, "Open-Meteo", ""), settings);
	}

}

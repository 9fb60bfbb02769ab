package com.homemadealexa.weather;

import com.homemadealexa.health.ProviderHealth;
import com.homemadealexa.health.ProviderState;
import com.homemadealexa.health.Reachability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weather service on {@code /actuator/health}: always configured (Open-Meteo needs no
 * key), reachable when its host takes a TCP connection (no forecast is fetched).
 */
@Configuration(proxyBeanMethods = false)
class WeatherHealth {

	@Bean
	ProviderHealth weatherProviderHealth(WeatherSettings settings, Reachability reachability) {
		return ProviderHealth.of("weather",
				() -> settings.usesOpenWeatherMap()
						? ProviderState.probed("openweathermap", settings.openweathermapUrl(), reachability)
						: ProviderState.probed("open-meteo", settings.openMeteoUrl(), reachability));
	}

}

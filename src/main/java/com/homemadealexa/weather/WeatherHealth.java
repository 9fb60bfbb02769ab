package com.homemadealexa.weather;

import com.homemadealexa.health.ProviderHealth;
import com.homemadealexa.health.ProviderState;
import com.homemadealexa.health.Reachability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weather service on {@code /actuator/health}: always configured (Open-Meteo needs no
 * key), reachable as its last call went. The weather is fetched only when someone asks
 * for it, so a probe contacts nobody; before the first question it is unknown.
 */
@Configuration(proxyBeanMethods = false)
class WeatherHealth {

	@Bean
	ProviderHealth weatherProviderHealth(WeatherSettings settings, MonitoredWeather weather) {
		String provider = settings.usesOpenWeatherMap() ? "openweathermap" : "open-meteo";
		String url = settings.usesOpenWeatherMap() ? settings.openweathermapUrl() : settings.openMeteoUrl();
		Reachability.Target target = Reachability.Target.ofUrl(url);
		return ProviderHealth.of("weather", () -> {
			Boolean reachable = weather.lastCallSucceeded();
			String detail = (reachable == null) ? "Not asked for since start-up."
					: reachable ? "" : "The last call failed; the log says why.";
			return new ProviderState(provider, true, reachable, (target != null) ? target.toString() : "", "last call",
					detail);
		});
	}

}

package com.homemadealexa.weather;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Current weather, as any provider reports it.
 *
 * @param temperature air temperature in °C
 * @param feelsLike apparent temperature in °C
 * @param humidity relative humidity in percent
 * @param pressure air pressure in hPa
 * @param wmoCode WMO weather interpretation code (Open-Meteo), or null
 * @param description the provider's own description in the requested language
 * (OpenWeatherMap), or null
 * @param sunrise today's sunrise; null where the sun does not rise (polar night)
 * @param sunset today's sunset; null where the sun does not set
 */
record Conditions(double temperature, double feelsLike, double humidity, double pressure, @Nullable Integer wmoCode,
		@Nullable String description, @Nullable Instant sunrise, @Nullable Instant sunset) {

}

/**
 * The weather skill: current conditions for the configured place from Open-Meteo (no key)
 * or OpenWeatherMap (with a key).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "health", "i18n", "skill" })
package com.homemadealexa.weather;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The weather skill: current conditions for the configured place from Open-Meteo (no key)
 * or OpenWeatherMap (with a key).
 */
@NullMarked
package com.homemadealexa.weather;

import org.jspecify.annotations.NullMarked;

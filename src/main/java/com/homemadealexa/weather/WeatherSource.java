package com.homemadealexa.weather;

import java.util.Locale;

/**
 * A weather service. Implementations are thread-safe and block for at most the configured
 * timeout.
 */
interface WeatherSource {

	/**
	 * @return the service's name, for logs
	 */
	String name();

	/**
	 * @param locale language for a description the service words itself
	 * @return the current weather at the configured place
	 * @throws WeatherUnavailableException when the service fails, times out or answers
	 * something else than its JSON
	 */
	Conditions current(Locale locale);

}

package com.homemadealexa.weather;

/**
 * The weather service could not be asked or did not answer usefully. The message is safe
 * to log: it never holds an API key.
 */
class WeatherUnavailableException extends RuntimeException {

	WeatherUnavailableException(String message) {
		super(message);
	}

}

package com.homemadealexa.homeassistant;

/**
 * A call to Home Assistant failed. The message names the call and never holds the token,
 * so it is safe to log.
 */
class HomeAssistantException extends RuntimeException {

	private final Failure failure;

	HomeAssistantException(Failure failure, String message) {
		super(message);
		this.failure = failure;
	}

	Failure failure() {
		return this.failure;
	}

	/**
	 * What went wrong, and so what the user hears.
	 */
	enum Failure {

		/** No connection: Home Assistant is down or the URL is wrong. */
		UNREACHABLE,
		/** No answer within the timeout. */
		TIMEOUT,
		/** 401 or 403: the token is wrong, expired or lacks rights. */
		UNAUTHORIZED,
		/**
		 * Home Assistant answered with an error (bad service data, unknown entity, ...).
		 */
		REJECTED,
		/** The answer was not the JSON Home Assistant sends, or too large. */
		MALFORMED

	}

}

package com.homemadealexa.home;

/**
 * A command did not reach the broker. The message is safe to log.
 */
class DeviceUnreachableException extends RuntimeException {

	DeviceUnreachableException(String message) {
		super(message);
	}

}

package com.homemadealexa.cli;

/**
 * A failure the user can act on; its message is printed as is, without a stack trace.
 */
class CliException extends RuntimeException {

	CliException(String message) {
		super(message);
	}

	CliException(String message, Throwable cause) {
		super(message, cause);
	}

}

package com.homemadealexa.speech;

/**
 * A speech provider failed: it was unreachable, timed out, refused the request or
 * answered something unusable. The message says which and never holds a secret.
 */
public class SpeechException extends RuntimeException {

	public SpeechException(String message) {
		super(message);
	}

	public SpeechException(String message, Throwable cause) {
		super(message, cause);
	}

}

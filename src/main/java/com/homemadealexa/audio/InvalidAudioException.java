package com.homemadealexa.audio;

/**
 * Audio bytes that cannot be read: not a WAV file, a truncated header, or an encoding
 * this server does not handle. The message says which.
 */
public class InvalidAudioException extends RuntimeException {

	public InvalidAudioException(String message) {
		super(message);
	}

	public InvalidAudioException(String message, Throwable cause) {
		super(message, cause);
	}

}

package com.homemadealexa.audioserver;

/**
 * The sound card could not play: it is missing, busy, or {@code aplay} failed. The
 * message is one sentence for the log and the problem answer.
 */
class SoundCardException extends Exception {

	/** Why the sound card did not play. */
	enum Reason {

		/** No such card or ALSA device. */
		MISSING,

		/** Another program holds the card. */
		BUSY,

		/** aplay failed otherwise, or did not start in time. */
		FAILED

	}

	private final Reason reason;

	SoundCardException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

}

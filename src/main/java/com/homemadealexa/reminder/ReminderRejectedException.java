package com.homemadealexa.reminder;

/**
 * A reminder that cannot be scheduled. The message says why, in English, for logs and
 * problem responses; the reason lets a skill say it in the household's language.
 */
public class ReminderRejectedException extends RuntimeException {

	/** Why a reminder was refused. */
	public enum Reason {

		/** Not a time at all. */
		UNREADABLE,
		/** The time has passed. */
		PAST,
		/** Beyond {@link Reminders#HORIZON}. */
		TOO_FAR,
		/** No text. */
		BLANK,
		/** Longer than {@link Reminders#MAX_TEXT_CHARS}. */
		TOO_LONG

	}

	private final Reason reason;

	public ReminderRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}

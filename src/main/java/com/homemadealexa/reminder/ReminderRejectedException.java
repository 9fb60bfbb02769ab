package com.homemadealexa.reminder;

/**
 * A reminder that cannot be scheduled: its time has passed or its text is blank. The
 * message says which, in English, for logs and problem responses.
 */
public class ReminderRejectedException extends RuntimeException {

	public ReminderRejectedException(String message) {
		super(message);
	}

}

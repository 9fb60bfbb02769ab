package com.homemadealexa.reminder;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a late reminder is still worth saying. Only a reminder that fell due
 * while the server was down can be dropped: it is late by the time the scheduler took to
 * come back (measured to the scheduler's start, so the application's own start-up work
 * does not eat into the grace). One that fell due while the scheduler ran is always
 * delivered, even if a busy database or a suspended machine delayed it.
 *
 * @param grace the longest acceptable downtime past the due time
 */
record MisfireGrace(Duration grace) {

	/**
	 * @return how long after the due time the scheduler came back; zero if it was already
	 * running when the reminder fell due
	 */
	Duration missedBy(Instant due, Instant schedulerStartedAt) {
		return due.isBefore(schedulerStartedAt) ? Duration.between(due, schedulerStartedAt) : Duration.ZERO;
	}

	boolean allows(Duration missedBy) {
		return missedBy.compareTo(this.grace) <= 0;
	}

}

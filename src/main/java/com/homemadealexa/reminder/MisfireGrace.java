package com.homemadealexa.reminder;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a late reminder is still worth saying. A reminder that fell due while
 * the server was down counts as late by the time the scheduler took to come back (so the
 * application's own start-up time does not eat into the grace); one that fell due while
 * the scheduler ran counts as late by the time it actually fired.
 *
 * @param grace the longest acceptable lateness
 */
record MisfireGrace(Duration grace) {

	Duration lateness(Instant due, Instant firedAt, Instant schedulerStartedAt) {
		Instant deliverableAt = due.isBefore(schedulerStartedAt) ? schedulerStartedAt : firedAt;
		return deliverableAt.isAfter(due) ? Duration.between(due, deliverableAt) : Duration.ZERO;
	}

	boolean allows(Duration lateness) {
		return lateness.compareTo(this.grace) <= 0;
	}

}

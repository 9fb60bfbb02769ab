package com.homemadealexa.reminder;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MisfireGraceTest {

	private static final Instant DUE = Instant.parse("2026-05-13T10:00:00Z");

	private final MisfireGrace grace = new MisfireGrace(Duration.ofSeconds(60));

	@Test
	void aReminderDueWhileRunningAndFiredOnTimeIsDelivered() {
		Duration lateness = this.grace.lateness(DUE, DUE.plusMillis(20), DUE.minusSeconds(3600));
		assertThat(lateness).isEqualTo(Duration.ofMillis(20));
		assertThat(this.grace.allows(lateness)).isTrue();
	}

	@Test
	void aReminderMissedWhileDownIsJudgedByWhenTheSchedulerCameBack() {
		// The scheduler came back 50 s after the reminder was due and fired it 30 s later
		// (start-up work): still within the grace.
		Duration lateness = this.grace.lateness(DUE, DUE.plusSeconds(80), DUE.plusSeconds(50));
		assertThat(lateness).isEqualTo(Duration.ofSeconds(50));
		assertThat(this.grace.allows(lateness)).isTrue();
	}

	@Test
	void aReminderMissedWhileDownBeyondTheGraceIsDropped() {
		Duration lateness = this.grace.lateness(DUE, DUE.plusSeconds(62), DUE.plusSeconds(61));
		assertThat(this.grace.allows(lateness)).isFalse();
	}

	@Test
	void aReminderFiredLateWhileRunningBeyondTheGraceIsDropped() {
		Duration lateness = this.grace.lateness(DUE, DUE.plusSeconds(120), DUE.minusSeconds(3600));
		assertThat(this.grace.allows(lateness)).isFalse();
	}

	@Test
	void exactlyTheGraceIsStillOnTime() {
		assertThat(this.grace.allows(Duration.ofSeconds(60))).isTrue();
	}

}

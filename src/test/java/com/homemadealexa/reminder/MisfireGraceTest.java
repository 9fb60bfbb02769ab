package com.homemadealexa.reminder;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MisfireGraceTest {

	private static final Instant DUE = Instant.parse("2026-05-13T10:00:00Z");

	private final MisfireGrace grace = new MisfireGrace(Duration.ofSeconds(60));

	@Test
	void aReminderDueWhileTheSchedulerRanIsAlwaysDelivered() {
		Duration missedBy = this.grace.missedBy(DUE, DUE.minusSeconds(3600));
		assertThat(missedBy).isZero();
		assertThat(this.grace.allows(missedBy)).isTrue();
	}

	@Test
	void aReminderDueAtTheVeryStartIsNotMissed() {
		assertThat(this.grace.missedBy(DUE, DUE)).isZero();
	}

	@Test
	void aReminderMissedWhileDownIsLateByTheTimeTheSchedulerCameBack() {
		Duration missedBy = this.grace.missedBy(DUE, DUE.plusSeconds(50));
		assertThat(missedBy).isEqualTo(Duration.ofSeconds(50));
		assertThat(this.grace.allows(missedBy)).isTrue();
	}

	@Test
	void aReminderMissedWhileDownBeyondTheGraceIsDropped() {
		Duration missedBy = this.grace.missedBy(DUE, DUE.plusSeconds(61));
		assertThat(this.grace.allows(missedBy)).isFalse();
	}

	@Test
	void exactlyTheGraceIsStillDelivered() {
		assertThat(this.grace.allows(Duration.ofSeconds(60))).isTrue();
		assertThat(this.grace.allows(Duration.ofMillis(60_001))).isFalse();
	}

	@Test
	void aZeroGraceDropsEverythingMissedWhileDown() {
		MisfireGrace none = new MisfireGrace(Duration.ZERO);
		assertThat(none.allows(none.missedBy(DUE, DUE.plusMillis(1)))).isFalse();
		assertThat(none.allows(none.missedBy(DUE, DUE.minusMillis(1)))).isTrue();
	}

}

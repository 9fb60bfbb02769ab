package com.homemadealexa.assistant;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpokenTimeTest {

	private final LocalDateTime now = LocalDateTime.of(2026, 12, 1, 10, 0);

	@Test
	void readsDelaysAndClockTimes() {
		assertThat(SpokenTime.parse("in 5 minutes", this.now)).contains(this.now.plusMinutes(5));
		assertThat(SpokenTime.parse("za 2 godziny", this.now)).contains(this.now.plusHours(2));
		assertThat(SpokenTime.parse("o 7", this.now)).contains(this.now.plusDays(1).withHour(7));
	}

	@Test
	void anAbsurdDelayIsBeyondAnyHorizonInsteadOfAFailure() {
		assertThat(SpokenTime.parse("in 99999999999999999999 minutes", this.now)).contains(LocalDateTime.MAX);
		assertThat(SpokenTime.parse("in 9999999999 days", this.now)).contains(LocalDateTime.MAX);
		assertThat(SpokenTime.parse("za 999999999 dni", this.now))
			.hasValueSatisfying((time) -> assertThat(time).isAfter(this.now.plusYears(10)));
	}

}

package com.homemadealexa.auth;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private static final String CLIENT = "192.168.1.20";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(300), this.clock);

	@Test
	void locksAClientOutAfterTooManyFailuresUntilTheLockoutPasses() {
		failTimes(3);
		assertThat(this.throttle.tryBegin(CLIENT)).contains(Duration.ofSeconds(300));
		this.clock.advance(Duration.ofSeconds(120));
		assertThat(this.throttle.tryBegin(CLIENT)).contains(Duration.ofSeconds(180));
		this.clock.advance(Duration.ofSeconds(180));
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
	}

	@Test
	void locksOnlyTheFailingClient() {
		failTimes(3);
		assertThat(this.throttle.tryBegin("192.168.1.21")).isEmpty();
	}

	@Test
	void aSuccessResetsTheCount() {
		failTimes(2);
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
		this.throttle.succeeded(CLIENT);
		failTimes(2);
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
	}

	@Test
	void forgetsFailuresOlderThanTheWindow() {
		failTimes(2);
		this.clock.advance(Duration.ofSeconds(301));
		failTimes(2);
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
	}

	@Test
	void countsAttemptsInFlightSoParallelGuessesCannotExceedTheLimit() {
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
		assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
		assertThat(this.throttle.tryBegin(CLIENT)).isPresent();
	}

	@Test
	void staysBoundedWhenManyClientsFail() {
		for (int i = 0; i < LoginThrottle.MAX_CLIENTS + 10; i++) {
			String client = "10.0." + (i / 256) + "." + (i % 256);
			this.throttle.tryBegin(client);
			this.throttle.failed(client);
		}
		// The first client was forgotten to make room: it may try again at once.
		assertThat(this.throttle.tryBegin("10.0.0.0")).isEmpty();
	}

	private void failTimes(int times) {
		for (int i = 0; i < times; i++) {
			assertThat(this.throttle.tryBegin(CLIENT)).isEmpty();
			this.throttle.failed(CLIENT);
		}
	}

}

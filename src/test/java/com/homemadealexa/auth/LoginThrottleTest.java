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

	@Test
	void boundsTheFailuresOfAllClientsTogetherPerMinute() {
		LoginThrottle bounded = new LoginThrottle(3, Duration.ofSeconds(300), 10, this.clock);
		int checked = 0;
		for (int i = 0; i < 100; i++) {
			String client = "10.0.0." + i;
			if (bounded.tryBegin(client).isEmpty()) {
				checked++;
				bounded.failed(client);
			}
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(checked).as("passwords checked in 10 s from 100 addresses").isEqualTo(10);
		assertThat(bounded.tryBegin("10.0.1.1")).as("a fresh address while the bound holds")
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(bounded.tryBegin("10.0.1.1")).as("a minute later").isEmpty();
	}

	@Test
	void countsChecksInFlightAgainstTheGlobalBound() {
		LoginThrottle bounded = new LoginThrottle(3, Duration.ofSeconds(300), 4, this.clock);
		for (int i = 0; i < 4; i++) {
			assertThat(bounded.tryBegin("10.0.0." + i)).isEmpty();
		}
		assertThat(bounded.tryBegin("10.0.0.99")).isPresent();
		bounded.succeeded("10.0.0.0");
		assertThat(bounded.tryBegin("10.0.0.99")).as("a success frees its place").isEmpty();
	}

}

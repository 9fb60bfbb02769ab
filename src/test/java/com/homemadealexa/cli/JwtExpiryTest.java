package com.homemadealexa.cli;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtExpiryTest {

	private static final Instant NOW = Instant.parse("2025-11-23T10:00:00Z");

	@Test
	void readsTheExpiryWithoutCheckingTheSignature() {
		String token = TestTokens.unsigned(NOW.plus(Duration.ofDays(30)));

		assertThat(JwtExpiry.of(token)).contains(NOW.plus(Duration.ofDays(30)));
		assertThat(JwtExpiry.isExpired(token, NOW, Duration.ofSeconds(30))).isFalse();
	}

	@Test
	void countsATokenAboutToExpireAsExpired() {
		String token = TestTokens.unsigned(NOW.plusSeconds(10));

		assertThat(JwtExpiry.isExpired(token, NOW, Duration.ofSeconds(30))).isTrue();
		assertThat(JwtExpiry.isExpired(TestTokens.unsigned(NOW.minusSeconds(1)), NOW, Duration.ZERO)).isTrue();
	}

	@Test
	void leavesATokenWithoutReadableExpiryToTheServer() {
		assertThat(JwtExpiry.of("not-a-token")).isEmpty();
		assertThat(JwtExpiry.of("a.%%%.c")).isEmpty();
		assertThat(JwtExpiry.of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.x")).isEmpty();
		assertThat(JwtExpiry.isExpired("not-a-token", NOW, Duration.ZERO)).isFalse();
	}

}

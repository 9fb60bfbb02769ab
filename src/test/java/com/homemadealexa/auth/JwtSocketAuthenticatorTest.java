package com.homemadealexa.auth;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtSocketAuthenticatorTest {

	private final JwtTokens tokens = new JwtTokens(
			JwtTokensTest.key("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), Duration.ofDays(1),
			Clock.systemUTC());

	private final JwtSocketAuthenticator authenticator = new JwtSocketAuthenticator(this.tokens);

	@Test
	void acceptsOurTokenOnly() {
		assertThat(this.authenticator.accepts(this.tokens.issue("admin"))).isTrue();
		assertThat(this.authenticator.accepts(null)).isFalse();
		assertThat(this.authenticator.accepts("")).isFalse();
		assertThat(this.authenticator.accepts("garbage")).isFalse();
	}

}

package com.homemadealexa.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import com.homemadealexa.device.PublicSocketAuthenticator;

/**
 * Lets a webapp open {@code /ws/public} with the same token it uses on the public HTTP
 * routes.
 */
@Component
class JwtSocketAuthenticator implements PublicSocketAuthenticator {

	private final JwtTokens tokens;

	JwtSocketAuthenticator(JwtTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean accepts(@Nullable String token) {
		return token != null && !token.isBlank() && this.tokens.verify(token).isPresent();
	}

}

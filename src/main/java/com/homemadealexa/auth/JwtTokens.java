package com.homemadealexa.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies webapp tokens: HS256 with our key only, always with an expiry.
 * Thread-safe.
 */
final class JwtTokens {

	private static final Logger log = LoggerFactory.getLogger(JwtTokens.class);

	private final SecretKey key;

	private final Duration lifetime;

	private final Clock clock;

	private final JwtParser parser;

	JwtTokens(SecretKey key, Duration lifetime, Clock clock) {
		this.key = key;
		this.lifetime = lifetime;
		this.clock = clock;
		// Only HS256: unsigned (alg "none") tokens are refused by parseSignedClaims, and
		// no other algorithm may be chosen by whoever wrote the token header.
		this.parser = Jwts.parser()
			.verifyWith(key)
			.sig()
			.clear()
			.add(Jwts.SIG.HS256)
			.and()
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	String issue(String username) {
		Instant now = this.clock.instant();
		return Jwts.builder()
			.subject(username)
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(this.lifetime)))
			.signWith(this.key, Jwts.SIG.HS256)
			.compact();
	}

	/**
	 * @return the user the token was issued to, or empty when the token is not ours, not
	 * HS256, expired, without expiry or not a token at all
	 */
	Optional<String> verify(String token) {
		try {
			Claims claims = this.parser.parseSignedClaims(token).getPayload();
			if (claims.getExpiration() == null || claims.getSubject() == null || claims.getSubject().isBlank()) {
				return Optional.empty();
			}
			return Optional.of(claims.getSubject());
		}
		catch (JwtException | IllegalArgumentException ex) {
			// The class says why (expired, bad signature, ...); the token itself is never
			// logged.
			log.debug("Refused a bearer token: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

}

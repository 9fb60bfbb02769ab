package com.homemadealexa.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies webapp tokens: HS256 with our key only, always with an expiry, and
 * stamped with the current token generation ({@link TokenGeneration}): a token of an
 * older generation is refused, which is how all tokens are revoked at once. A token
 * without the claim (issued before generations existed) counts as generation 0.
 * Thread-safe.
 */
final class JwtTokens {

	private static final Logger log = LoggerFactory.getLogger(JwtTokens.class);

	private final SecretKey key;

	private final Duration lifetime;

	private final Clock clock;

	static final String GENERATION_CLAIM = "gen";

	private final JwtParser parser;

	private final LongSupplier generation;

	JwtTokens(SecretKey key, Duration lifetime, Clock clock) {
		this(key, lifetime, clock, () -> 0L);
	}

	JwtTokens(SecretKey key, Duration lifetime, Clock clock, LongSupplier generation) {
		this.key = key;
		this.generation = generation;
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
			.claim(GENERATION_CLAIM, this.generation.getAsLong())
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(this.lifetime)))
			.signWith(this.key, Jwts.SIG.HS256)
			.compact();
	}

	/**
	 * @return the user the token was issued to, or empty when the token is not ours, not
	 * HS256, expired, without expiry, of a revoked generation or not a token at all
	 */
	Optional<String> verify(String token) {
		try {
			Claims claims = this.parser.parseSignedClaims(token).getPayload();
			if (claims.getExpiration() == null || claims.getSubject() == null || claims.getSubject().isBlank()) {
				return Optional.empty();
			}
			Object generation = claims.get(GENERATION_CLAIM);
			long issuedIn = (generation instanceof Number number) ? number.longValue() : 0L;
			if (generation != null && !(generation instanceof Number) || issuedIn != this.generation.getAsLong()) {
				log.debug("Refused a bearer token of a revoked generation");
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

package com.homemadealexa.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtTokensTest {

	private static final SecretKey KEY = key("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final JwtTokens tokens = new JwtTokens(KEY, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsItsOwnTokenUntilItExpires() {
		String token = this.tokens.issue("admin");
		assertThat(this.tokens.verify(token)).contains("admin");
		JwtTokens later = new JwtTokens(KEY, Duration.ofDays(30),
				Clock.fixed(NOW.plus(Duration.ofDays(30)).plusSeconds(1), ZoneOffset.UTC));
		assertThat(later.verify(token)).isEmpty();
	}

	@Test
	void issuesHs256WithSubjectIssuedAtAndExpiry() {
		var jws = Jwts.parser()
			.verifyWith(KEY)
			.clock(() -> Date.from(NOW))
			.build()
			.parseSignedClaims(this.tokens.issue("admin"));
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo("HS256");
		assertThat(jws.getPayload().getSubject()).isEqualTo("admin");
		assertThat(jws.getPayload().getIssuedAt().toInstant()).isEqualTo(NOW);
		assertThat(jws.getPayload().getExpiration().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
	}

	@Test
	void refusesATokenSignedWithAnotherKey() {
		SecretKey other = key("another-key-another-key-another-key-another-key-another-key-1234");
		assertThat(this.tokens.verify(signed(other, Jwts.SIG.HS256, true))).isEmpty();
	}

	@Test
	void refusesOtherAlgorithmsEvenWithOurKey() {
		SecretKey sameBytes = new SecretKeySpec(KEY.getEncoded(), "HmacSHA512");
		assertThat(this.tokens.verify(signed(sameBytes, Jwts.SIG.HS512, true))).isEmpty();
	}

	@Test
	void refusesAnUnsignedToken() {
		assertThat(this.tokens.verify(unsigned("admin", NOW.plusSeconds(3600)))).isEmpty();
	}

	@Test
	void refusesATokenWithoutExpiry() {
		assertThat(this.tokens.verify(signed(KEY, Jwts.SIG.HS256, false))).isEmpty();
	}

	@Test
	void refusesGarbage() {
		assertThat(this.tokens.verify("not-a-token")).isEmpty();
		assertThat(this.tokens.verify("")).isEmpty();
		assertThat(this.tokens.verify("a.b.c")).isEmpty();
	}

	static SecretKey key(String secret) {
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	static String unsigned(String subject, Instant expiry) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String claims = base64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + expiry.getEpochSecond() + "}")
			.getBytes(StandardCharsets.UTF_8));
		return header + "." + claims + ".";
	}

	private static String signed(SecretKey key, io.jsonwebtoken.security.MacAlgorithm algorithm, boolean expiry) {
		var builder = Jwts.builder().subject("admin").issuedAt(Date.from(NOW));
		if (expiry) {
			builder.expiration(Date.from(NOW.plusSeconds(3600)));
		}
		return builder.signWith(key, algorithm).compact();
	}

	@Test
	void refusesTokensOfAnOlderGeneration() {
		java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong(3);
		JwtTokens stamped = new JwtTokens(KEY, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC), generation::get);
		String token = stamped.issue("admin");
		assertThat(stamped.verify(token)).contains("admin");
		generation.set(4);
		assertThat(stamped.verify(token)).isEmpty();
		assertThat(stamped.verify(stamped.issue("admin"))).contains("admin");
	}

	@Test
	void takesATokenWithoutGenerationAsGenerationZero() {
		String unstamped = Jwts.builder()
			.subject("admin")
			.issuedAt(Date.from(NOW))
			.expiration(Date.from(NOW.plus(Duration.ofDays(1))))
			.signWith(KEY, Jwts.SIG.HS256)
			.compact();
		assertThat(this.tokens.verify(unstamped)).contains("admin");
		JwtTokens revoked = new JwtTokens(KEY, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC), () -> 1L);
		assertThat(revoked.verify(unstamped)).isEmpty();
	}

	@Test
	void refusesAGenerationThatIsNotANumber() {
		String odd = Jwts.builder()
			.subject("admin")
			.claim(JwtTokens.GENERATION_CLAIM, "0")
			.expiration(Date.from(NOW.plus(Duration.ofDays(1))))
			.signWith(KEY, Jwts.SIG.HS256)
			.compact();
		assertThat(this.tokens.verify(odd)).isEmpty();
	}

}

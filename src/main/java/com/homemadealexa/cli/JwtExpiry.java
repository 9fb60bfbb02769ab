package com.homemadealexa.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads when a token expires, from its {@code exp} claim. The signature is not checked:
 * only the server can, and this is just to avoid sending a token that is sure to be
 * refused.
 */
final class JwtExpiry {

	private static final JsonMapper json = JsonMapper.builder().build();

	private JwtExpiry() {
	}

	/**
	 * @return when the token expires; empty when it is not a JWT or has no expiry
	 */
	static Optional<Instant> of(String token) {
		String[] parts = token.split("\\.");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
			JsonNode exp = json.readTree(new String(payload, StandardCharsets.UTF_8)).get("exp");
			return (exp != null && exp.isNumber()) ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
					: Optional.empty();
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A token without a readable expiry is sent anyway: a 401 then replaces it.
	 * @param margin how long before the expiry a token counts as expired already, so that
	 * it does not run out on the way
	 */
	static boolean isExpired(String token, Instant now, java.time.Duration margin) {
		return of(token).map((expiry) -> !now.plus(margin).isBefore(expiry)).orElse(false);
	}

}

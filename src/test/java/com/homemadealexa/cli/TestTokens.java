package com.homemadealexa.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens shaped like the server's (HS256 JWTs with {@code sub} and {@code exp}) but with
 * a signature no server accepts.
 */
final class TestTokens {

	private TestTokens() {
	}

	static String unsigned(Instant expiry) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
		String payload = base64.encodeToString(("{\"sub\":\"admin\",\"iat\":" + (expiry.getEpochSecond() - 86400)
				+ ",\"exp\":" + expiry.getEpochSecond() + "}")
			.getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + "." + base64.encodeToString(new byte[32]);
	}

}

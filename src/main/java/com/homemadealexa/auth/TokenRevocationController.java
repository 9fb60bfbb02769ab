package com.homemadealexa.auth;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/internal/auth/revoke-tokens} (LAN only): every webapp token issued so
 * far stops working; each webapp then asks for the password again.
 */
@RestController
class TokenRevocationController {

	private final TokenGeneration generation;

	TokenRevocationController(TokenGeneration generation) {
		this.generation = generation;
	}

	@PostMapping("/api/internal/auth/revoke-tokens")
	Revoked revoke() {
		try {
			return new Revoked(this.generation.revoke());
		}
		catch (IOException ex) {
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
							"The tokens were not revoked: the data folder cannot be written."),
					ex);
		}
	}

	record Revoked(long generation) {
	}

}

package com.homemadealexa.auth;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/public/auth/login}: the webapp trades the password for a token.
 */
@RestController
class LoginController {

	private static final Logger log = LoggerFactory.getLogger(LoginController.class);

	private final AuthSettings settings;

	private final Credentials credentials;

	private final LoginThrottle throttle;

	private final JwtTokens tokens;

	private final TrustedProxies proxies;

	LoginController(AuthSettings settings, Credentials credentials, LoginThrottle throttle, JwtTokens tokens,
			TrustedProxies proxies) {
		this.settings = settings;
		this.credentials = credentials;
		this.throttle = throttle;
		this.tokens = tokens;
		this.proxies = proxies;
	}

	@PostMapping("/api/public/auth/login")
	TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
		if (!this.credentials.configured()) {
			throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Webapp login is not configured: set [auth] password_hash "
					+ "(AUTH_PASSWORD_HASH) to a bcrypt hash made with: ./alexa hash-password");
		}
		String client = clientOf(request);
		Optional<Duration> wait = this.throttle.tryBegin(client);
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			ErrorResponseException tooMany = problem(HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed logins; try again in " + seconds + " seconds.");
			tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			throw tooMany;
		}
		String username = (body.username() == null || body.username().isBlank()) ? this.settings.username()
				: body.username();
		boolean accepted = false;
		try {
			accepted = this.credentials.matches(username, body.password());
		}
		finally {
			if (accepted) {
				this.throttle.succeeded(client);
			}
			else {
				this.throttle.failed(client);
			}
		}
		if (!accepted) {
			// Not the username: people type their password into it by mistake.
			log.warn("Failed webapp login from {}", client);
			throw problem(HttpStatus.UNAUTHORIZED, "Wrong username or password.");
		}
		log.info("Webapp login for user '{}' from {}", username, client);
		return new TokenResponse(this.tokens.issue(username));
	}

	/**
	 * Behind the reverse proxy every request comes from the proxy's address, so the
	 * client is the address the proxy appended to {@code X-Forwarded-For}; that header is
	 * believed only from {@code [server] trusted_proxies}.
	 */
	private String clientOf(HttpServletRequest request) {
		return this.proxies.clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	/**
	 * The Python server took only {@code {"password"}}; the username then defaults to the
	 * configured one.
	 */
	record LoginRequest(@Nullable String username, @NotBlank String password) {

		// Spring's debug log prints request bodies with toString(); people also type
		// their password into the username field.
		@Override
		public String toString() {
			return "LoginRequest[credentials hidden]";
		}

	}

	record TokenResponse(String token) {
	}

}

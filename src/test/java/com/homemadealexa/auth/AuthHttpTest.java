package com.homemadealexa.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.homemadealexa.device.PublicSocketAuthenticator;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuthHttpTest.WhoAmIController.class)
class AuthHttpTest {

	static final String PASSWORD = "correct horse battery";

	static final String SECRET = "test-secret-test-secret-test-secret-test-secret-test-secret-0001";

	private static final String LOGIN = "/api/public/auth/login";

	private static final String WHO_AM_I = "/api/public/test/whoami";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
		registry.add("auth.username", () -> "admin");
		registry.add("auth.password-hash", () -> BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)));
		registry.add("auth.jwt-secret", () -> SECRET);
		registry.add("auth.max-failed-logins", () -> "3");
		registry.add("auth.login-lockout-seconds", () -> "300");
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	PublicSocketAuthenticator socketAuthenticator;

	HttpCalls http;

	@BeforeEach
	void client() {
		this.http = new HttpCalls(this.port);
	}

	@Test
	void logsInWithTheRightPasswordAndTheTokenOpensProtectedRoutes() {
		HttpResponse<String> login = this.http.postJson(LOGIN,
				"{\"username\": \"admin\", \"password\": \"" + PASSWORD + "\"}", "X-Forwarded-For", "203.0.113.1");
		assertThat(login.statusCode()).isEqualTo(200);
		String token = read(login).get("token").asString();
		assertThat(token.split("\\.")).hasSize(3);

		HttpResponse<String> me = this.http.get(WHO_AM_I, "Authorization", "Bearer " + token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(read(me).get("user").asString()).isEqualTo("admin");
		assertThat(this.http.get("/api/public/stt", "Authorization", "Bearer " + token).statusCode()).isNotIn(401, 403);
	}

	@Test
	void theWebappSocketAcceptsTheLoginToken() {
		HttpResponse<String> login = this.http.postJson(LOGIN, "{\"password\": \"" + PASSWORD + "\"}",
				"X-Forwarded-For", "203.0.113.4");
		assertThat(this.socketAuthenticator.accepts(read(login).get("token").asString())).isTrue();
		assertThat(this.socketAuthenticator.accepts(JwtTokensTest.unsigned("admin", Instant.now().plusSeconds(60))))
			.isFalse();
	}

	@Test
	void acceptsABodyWithOnlyThePasswordLikeThePythonServer() {
		HttpResponse<String> login = this.http.postJson(LOGIN, "{\"password\": \"" + PASSWORD + "\"}",
				"X-Forwarded-For", "203.0.113.2");
		assertThat(login.statusCode()).isEqualTo(200);
		String token = read(login).get("token").asString();
		assertThat(read(this.http.get(WHO_AM_I, "Authorization", "Bearer " + token)).get("user").asString())
			.isEqualTo("admin");
	}

	@Test
	void refusesWrongCredentialsWithAProblem() {
		assertProblem(this.http.postJson(LOGIN, "{\"username\": \"admin\", \"password\": \"wrong\"}", "X-Forwarded-For",
				"203.0.113.3"), 401);
		assertProblem(this.http.postJson(LOGIN, "{\"username\": \"root\", \"password\": \"" + PASSWORD + "\"}",
				"X-Forwarded-For", "203.0.113.3"), 401);
	}

	@Test
	void refusesABadBodyWithAProblem() {
		assertProblem(this.http.postJson(LOGIN, "{\"username\": \"admin\"}"), 400);
		assertProblem(this.http.postJson(LOGIN, "{\"password\": \"\"}"), 400);
		assertProblem(this.http.postJson(LOGIN, "not json"), 400);
	}

	@Test
	void locksOutAClientAfterTooManyFailuresWithRetryAfter() {
		String client = "198.51.100.7";
		for (int i = 0; i < 3; i++) {
			assertThat(this.http
				.postJson(LOGIN, "{\"password\": \"guess-" + i + "\"}", "X-Forwarded-For", "10.9.9.9, " + client)
				.statusCode()).isEqualTo(401);
		}
		HttpResponse<String> locked = this.http.postJson(LOGIN, "{\"password\": \"" + PASSWORD + "\"}",
				"X-Forwarded-For", client);
		assertProblem(locked, 429);
		assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
		assertThat(read(locked).get("detail").asString()).contains("try again");
		// Another client behind the same proxy is not affected.
		assertThat(this.http.postJson(LOGIN, "{\"password\": \"" + PASSWORD + "\"}", "X-Forwarded-For", "198.51.100.8")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesProtectedRoutesWithoutAToken() {
		assertProblem(this.http.get(WHO_AM_I), 401);
		assertProblem(this.http.get("/api/public/stt"), 401);
	}

	@Test
	void refusesAnExpiredToken() {
		Instant issued = Instant.now().minusSeconds(7200);
		String expired = Jwts.builder()
			.subject("admin")
			.issuedAt(Date.from(issued))
			.expiration(Date.from(issued.plusSeconds(3600)))
			.signWith(JwtTokensTest.key(SECRET), Jwts.SIG.HS256)
			.compact();
		assertProblem(this.http.get(WHO_AM_I, "Authorization", "Bearer " + expired), 401);
	}

	@Test
	void refusesATokenSignedWithAnotherKey() {
		String forged = Jwts.builder()
			.subject("admin")
			.expiration(Date.from(Instant.now().plusSeconds(3600)))
			.signWith(JwtTokensTest.key("x".repeat(64)), Jwts.SIG.HS256)
			.compact();
		assertProblem(this.http.get(WHO_AM_I, "Authorization", "Bearer " + forged), 401);
	}

	@Test
	void refusesAnUnsignedToken() {
		String unsigned = JwtTokensTest.unsigned("admin", Instant.now().plusSeconds(3600));
		assertProblem(this.http.get(WHO_AM_I, "Authorization", "Bearer " + unsigned), 401);
	}

	@Test
	void refusesGarbage() {
		assertProblem(this.http.get(WHO_AM_I, "Authorization", "Bearer not-a-token"), 401);
		assertProblem(this.http.get(WHO_AM_I, "Authorization", "Basic YWRtaW46YWRtaW4="), 401);
	}

	@Test
	void letsTheLanReachInternalRoutes() {
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesInternalRoutesThroughTheProxy() {
		assertProblem(this.http.get("/actuator/health", "X-Forwarded-For", "127.0.0.1"), 403);
		assertProblem(this.http.get("/api/internal/status", "X-Forwarded-For", "192.168.1.5"), 403);
		assertProblem(this.http.postJson("/api/internal/listen", "{}", "Forwarded", "for=192.168.1.5"), 403);
		assertProblem(this.http.get("/firmware/x.bin", "X-Forwarded-For", "192.168.1.5"), 403);
		assertProblem(this.http.get("/ws/internal", "X-Forwarded-For", "192.168.1.5"), 403);
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain(SECRET)
			.doesNotContain(new String(PASSWORD.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
	}

	/** A protected route that says who the token belongs to. */
	@RestController
	static class WhoAmIController {

		@GetMapping(WHO_AM_I)
		Map<String, String> whoAmI(Principal principal) {
			return Map.of("user", principal.getName());
		}

	}

}

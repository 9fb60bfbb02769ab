package com.homemadealexa.auth;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server as shipped: no password hash, no JWT secret; here also with a LAN that does
 * not include the loopback address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthWithoutPasswordTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", dataDir::toString);
		registry.add("auth.password-hash", () -> "");
		registry.add("auth.jwt-secret", () -> "");
		registry.add("server.trusted-networks", () -> "10.0.0.0/8");
	}

	@LocalServerPort
	int port;

	@Test
	void refusesLoginUntilAPasswordHashIsConfigured() {
		HttpResponse<String> login = new HttpCalls(this.port).postJson("/api/public/auth/login",
				"{\"username\": \"admin\", \"password\": \"anything\"}");
		assertThat(login.statusCode()).isEqualTo(503);
		assertThat(login.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(login.body()).contains("not configured").contains("password_hash").contains("hash-password");
	}

	@Test
	void refusesInternalRoutesFromOutsideTheTrustedNetworks() {
		HttpCalls http = new HttpCalls(this.port);
		for (String path : new String[] { "/actuator/health", "/api/internal/status", "/firmware/a.bin" }) {
			HttpResponse<String> response = http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).contains("\"status\":403").contains("not trusted");
		}
	}

	@Test
	void generatesAndKeepsAJwtSecretInTheDataFolder() {
		assertThat(dataDir.resolve("jwt-secret")).isNotEmptyFile();
	}

}

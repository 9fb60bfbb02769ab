package com.homemadealexa.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.homemadealexa.config.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtSecretTest {

	@TempDir
	Path dataDir;

	@Test
	void generatesARandomKeyOnceAndReusesItAfterRestart() {
		Path folder = this.dataDir.resolve("not-yet-created");
		SecretKey first = JwtSecret.resolve("", folder);
		SecretKey second = JwtSecret.resolve("", folder);
		assertThat(first.getEncoded()).hasSize(32);
		assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
		assertThat(folder.resolve("jwt-secret")).exists();
		assertThat(JwtSecret.resolve("", this.dataDir.resolve("elsewhere")).getEncoded())
			.isNotEqualTo(first.getEncoded());
	}

	@Test
	void keepsTheGeneratedKeyReadableByTheOwnerOnly() throws IOException {
		assertThat(Files.getFileStore(this.dataDir).supportsFileAttributeView(PosixFileAttributeView.class))
			.as("The test folder must be on a POSIX file system (owner-only permissions)")
			.isTrue();
		JwtSecret.resolve("", this.dataDir);
		assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("jwt-secret")))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		try (var files = Files.list(this.dataDir)) {
			assertThat(files).containsExactly(this.dataDir.resolve("jwt-secret"));
		}
	}

	@Test
	void usesTheConfiguredSecretAndWritesNoFile() {
		String secret = "a-configured-secret-of-at-least-32-bytes";
		assertThat(JwtSecret.resolve(secret, this.dataDir).getEncoded()).isEqualTo(secret.getBytes());
		assertThat(this.dataDir.resolve("jwt-secret")).doesNotExist();
	}

	@Test
	void refusesAShortConfiguredSecretInOneLineNamingTheKey() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> JwtSecret.resolve("short", this.dataDir))
			.withMessageContaining("[auth] jwt_secret")
			.withMessageContaining("at least 32")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("short").doesNotContain("\n"));
	}

	@Test
	void refusesADamagedKeyFile() throws IOException {
		Files.writeString(this.dataDir.resolve("jwt-secret"), "c2hvcnQ=\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> JwtSecret.resolve("", this.dataDir))
			.withMessageContaining("jwt-secret")
			.withMessageContaining("delete it");
	}

}

package com.homemadealexa.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCacheTest {

	private static final URI SERVER = URI.create("http://192.168.1.10:8080");

	@TempDir
	Path folder;

	@Test
	void keepsTheTokenForItsServerAndUserOnly() {
		TokenCache cache = new TokenCache(this.folder.resolve("nested").resolve("token.json"));

		cache.save(SERVER, "admin", "token-1");

		assertThat(cache.load(SERVER, "admin")).contains("token-1");
		assertThat(cache.load(URI.create("http://other:8080"), "admin")).isEmpty();
		assertThat(cache.load(SERVER, "guest")).isEmpty();
	}

	@Test
	void isReadableByItsOwnerOnly() throws Exception {
		TokenCache cache = new TokenCache(this.folder.resolve("token.json"));

		cache.save(SERVER, "admin", "token-1");

		assertThat(Files.getPosixFilePermissions(cache.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(this.folder).isDirectoryNotContaining("glob:**/.token*");
	}

	@Test
	void treatsAnUnreadableFileAsNoToken() throws Exception {
		Path file = this.folder.resolve("token.json");
		Files.writeString(file, "{ this is not json");

		assertThat(new TokenCache(file).load(SERVER, "admin")).isEmpty();
	}

	@Test
	void liesUnderTheUsersCacheFolder() {
		assertThat(TokenCache.defaultFile("/tmp/xdg")).isEqualTo(Path.of("/tmp/xdg/homemade-alexa/token.json"));
		assertThat(TokenCache.defaultFile(null))
			.isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "homemade-alexa", "token.json"));
	}

}

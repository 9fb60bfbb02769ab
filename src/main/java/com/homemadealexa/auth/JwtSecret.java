package com.homemadealexa.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.homemadealexa.config.ConfigurationException;

/**
 * The HS256 key for webapp tokens: {@code [auth] jwt_secret} when set, otherwise a random
 * key generated once and kept in the data folder, so that tokens survive restarts.
 */
final class JwtSecret {

	static final String FILE_NAME = "jwt-secret";

	/** HS256 needs a key at least as long as its hash (RFC 7518, section 3.2). */
	static final int MIN_BYTES = 32;

	private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

	private JwtSecret() {
	}

	/**
	 * @param configured the {@code jwt_secret} setting; empty means generate or reuse
	 * @param dataDir where the generated key is kept
	 * @throws ConfigurationException when the configured key is too short or the file
	 * cannot be used
	 */
	static SecretKey resolve(String configured, Path dataDir) {
		if (!configured.isEmpty()) {
			byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < MIN_BYTES) {
				throw new ConfigurationException("Configuration key [auth] jwt_secret (AUTH_JWT_SECRET) is "
						+ bytes.length + " bytes long but an HS256 key needs at least " + MIN_BYTES
						+ "; set a longer one or leave it empty to have one generated.");
			}
			return key(bytes);
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			return key(read(file));
		}
		catch (IOException ex) {
			throw new ConfigurationException("The JWT secret file " + file.toAbsolutePath()
					+ " cannot be read or written ([data] dir): " + ex.getMessage() + ".");
		}
	}

	private static SecretKey key(byte[] bytes) {
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	private static void generate(Path file) throws IOException {
		byte[] secret = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(secret);
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
		try {
			if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n");
			// Written aside and renamed, so a crash never leaves a half-written key
			// behind.
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated a new JWT secret in {}", file.toAbsolutePath());
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static byte[] read(Path file) throws IOException {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(Files.readString(file).trim());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length < MIN_BYTES) {
			throw new ConfigurationException("The JWT secret file " + file.toAbsolutePath()
					+ " is damaged; delete it to have a new one generated (tokens issued so far become invalid).");
		}
		return bytes;
	}

}

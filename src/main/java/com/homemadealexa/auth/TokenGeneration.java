package com.homemadealexa.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.homemadealexa.config.ConfigurationException;

/**
 * The generation every webapp token is stamped with, kept in the data folder
 * ({@value #FILE_NAME}) with a fingerprint of the configured password hash. Bumping it
 * revokes every token issued so far: on request ({@link #revoke}) and by itself at
 * start-up when the password hash is not the one the file remembers. Thread-safe.
 */
final class TokenGeneration {

	static final String FILE_NAME = "token-generation";

	private static final Logger log = LoggerFactory.getLogger(TokenGeneration.class);

	private final Path file;

	private final String passwordFingerprint;

	private volatile long current;

	private TokenGeneration(Path file, String passwordFingerprint, long current) {
		this.file = file;
		this.passwordFingerprint = passwordFingerprint;
		this.current = current;
	}

	/**
	 * Reads the generation, starting a new one when the password hash changed.
	 * @param dataDir the {@code [data] dir} folder
	 * @param passwordHash the configured {@code [auth] password_hash}
	 * @throws ConfigurationException when the file cannot be read or written
	 */
	static TokenGeneration load(Path dataDir, String passwordHash) {
		Path file = dataDir.resolve(FILE_NAME);
		String fingerprint = fingerprint(passwordHash.trim());
		try {
			if (!Files.exists(file)) {
				TokenGeneration fresh = new TokenGeneration(file, fingerprint, 0);
				fresh.write();
				return fresh;
			}
			Properties stored = new Properties();
			try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				stored.load(reader);
			}
			long generation = parse(stored.getProperty("generation"), file);
			TokenGeneration loaded = new TokenGeneration(file, fingerprint, generation);
			if (!fingerprint.equals(stored.getProperty("password"))) {
				loaded.current = generation + 1;
				loaded.write();
				log.info("The webapp password hash changed: tokens issued before are no longer accepted "
						+ "(token generation {})", loaded.current);
			}
			return loaded;
		}
		catch (IOException ex) {
			throw new ConfigurationException("The token generation file " + file.toAbsolutePath()
					+ " cannot be read or written ([data] dir): " + ex.getMessage() + ".");
		}
	}

	long current() {
		return this.current;
	}

	/**
	 * Revokes every token issued so far; the next login gets a token of the new
	 * generation.
	 * @return the new generation
	 * @throws IOException when the new generation cannot be stored (then nothing changed)
	 */
	synchronized long revoke() throws IOException {
		long previous = this.current;
		this.current = previous + 1;
		try {
			write();
		}
		catch (IOException ex) {
			this.current = previous;
			throw ex;
		}
		log.info("All webapp tokens were revoked (token generation {})", this.current);
		return this.current;
	}

	private synchronized void write() throws IOException {
		Path folder = this.file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
		try {
			Files.writeString(temporary, "# Webapp tokens of older generations are refused. Written by the server.\n"
					+ "generation=" + this.current + "\npassword=" + this.passwordFingerprint + "\n");
			// Written aside and renamed, so a crash never leaves half a file behind.
			Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static long parse(String value, Path file) {
		try {
			long generation = Long.parseLong((value != null) ? value.trim() : "");
			if (generation >= 0) {
				return generation;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new ConfigurationException("The token generation file " + file.toAbsolutePath()
				+ " is damaged; delete it to have it written anew, then revoke the tokens with POST /api/internal/auth/revoke-tokens.");
	}

	/**
	 * A digest of the hash, not the hash: the file tells whether the password changed,
	 * nothing more.
	 */
	private static String fingerprint(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("homemade-alexa token generation\n" + passwordHash).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}

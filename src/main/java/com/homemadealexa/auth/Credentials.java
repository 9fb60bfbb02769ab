package com.homemadealexa.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import org.mindrot.jbcrypt.BCrypt;

import com.homemadealexa.config.ConfigurationException;

/**
 * The one webapp user: {@code [auth] username} and the bcrypt {@code password_hash}.
 */
final class Credentials {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

	// Never matches any password; keeps a wrong-username check as slow as a real one.
	private static final String DUMMY_HASH = BCrypt.hashpw("not a password", BCrypt.gensalt(10));

	private final String username;

	private final String passwordHash;

	/**
	 * @throws ConfigurationException when the hash is set but is not a bcrypt hash
	 */
	Credentials(String username, String passwordHash) {
		String hash = passwordHash.trim();
		if (!hash.isEmpty() && !BCRYPT.matcher(hash).matches()) {
			throw new ConfigurationException("Configuration key [auth] password_hash (AUTH_PASSWORD_HASH) is not a "
					+ "bcrypt hash; make one with: java -jar homemade-alexa-server.jar hash-password");
		}
		this.username = username;
		this.passwordHash = jbcryptCompatible(hash);
	}

	/**
	 * @return whether a password hash is configured at all
	 */
	boolean configured() {
		return !this.passwordHash.isEmpty();
	}

	boolean matches(String username, String password) {
		if (!configured()) {
			return false;
		}
		boolean userMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
				this.username.getBytes(StandardCharsets.UTF_8));
		boolean passwordMatches = BCrypt.checkpw(password, userMatches ? this.passwordHash : DUMMY_HASH);
		return userMatches && passwordMatches;
	}

	/**
	 * Python's bcrypt writes {@code $2b$} and PHP {@code $2y$}; jBCrypt reads only
	 * {@code $2a$}. All three compute the same hash for the same password, so hashes made
	 * for the Python server keep working.
	 */
	private static String jbcryptCompatible(String hash) {
		if (hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
			return "$2a$" + hash.substring(4);
		}
		return hash;
	}

}

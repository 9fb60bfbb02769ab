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

	private final String username;

	private final String passwordHash;

	// Never matches any password. Of the configured hash's cost, so that a wrong username
	// costs exactly as much as a wrong password and timing does not tell which was wrong.
	private final String dummyHash;

	/**
	 * @throws ConfigurationException when the hash is set but is not a bcrypt hash
	 */
	Credentials(String username, String passwordHash) {
		String hash = passwordHash.trim();
		if (!hash.isEmpty() && !BCRYPT.matcher(hash).matches()) {
			throw new ConfigurationException("Configuration key [auth] password_hash (AUTH_PASSWORD_HASH) is not a "
					+ "bcrypt hash; make one with: ./alexa hash-password");
		}
		this.username = username;
		this.passwordHash = jbcryptCompatible(hash);
		if (!hash.isEmpty() && (cost(hash) < 4 || cost(hash) > 31)) {
			throw new ConfigurationException(
					"Configuration key [auth] password_hash (AUTH_PASSWORD_HASH) has the " + "bcrypt cost " + cost(hash)
							+ ", outside 4 to 31; make a new hash with: " + "./alexa hash-password");
		}
		this.dummyHash = hash.isEmpty() ? "" : BCrypt.hashpw("not a password", BCrypt.gensalt(cost(hash)));
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
		boolean passwordMatches = BCrypt.checkpw(password, userMatches ? this.passwordHash : this.dummyHash);
		return userMatches && passwordMatches;
	}

	/**
	 * @return the bcrypt cost of the hash a wrong username is checked against
	 */
	int dummyCost() {
		return configured() ? cost(this.dummyHash) : 0;
	}

	private static int cost(String hash) {
		// "$2a$12$...": the cost is the two digits after the version.
		return Integer.parseInt(hash.substring(hash.indexOf('$', 1) + 1, hash.indexOf('$', 1) + 3));
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

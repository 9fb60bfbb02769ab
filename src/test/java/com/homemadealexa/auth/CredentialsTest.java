package com.homemadealexa.auth;

import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

import com.homemadealexa.config.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialsTest {

	private static final String HASH = BCrypt.hashpw("correct horse", BCrypt.gensalt(4));

	@Test
	void acceptsTheRightUserAndPasswordOnly() {
		Credentials credentials = new Credentials("admin", HASH);
		assertThat(credentials.matches("admin", "correct horse")).isTrue();
		assertThat(credentials.matches("admin", "wrong horse")).isFalse();
		assertThat(credentials.matches("root", "correct horse")).isFalse();
	}

	@Test
	void acceptsHashesMadeByPythonBcrypt() {
		// bcrypt.hashpw(b"correct horse", bcrypt.gensalt(4)) writes the $2b$ prefix.
		Credentials credentials = new Credentials("admin", "$2b$" + HASH.substring(4));
		assertThat(credentials.matches("admin", "correct horse")).isTrue();
		assertThat(credentials.matches("admin", "wrong horse")).isFalse();
	}

	@Test
	void isNotConfiguredWithoutAHashAndAcceptsNothing() {
		Credentials credentials = new Credentials("admin", "");
		assertThat(credentials.configured()).isFalse();
		assertThat(credentials.matches("admin", "")).isFalse();
	}

	@Test
	void refusesAHashThatIsNotBcryptAtStartUp() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new Credentials("admin", "plain-text-password"))
			.withMessageContaining("[auth] password_hash")
			.withMessageContaining("hash-password")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("plain-text-password"));
	}

	@Test
	void checksAWrongUsernameAgainstAHashOfTheConfiguredCost() {
		for (int cost : new int[] { 4, 10, 12 }) {
			Credentials credentials = new Credentials("admin", BCrypt.hashpw("secret", BCrypt.gensalt(cost)));
			assertThat(credentials.dummyCost()).as("configured cost %d", cost).isEqualTo(cost);
			assertThat(credentials.matches("root", "secret")).isFalse();
		}
	}

	@Test
	void refusesAHashWhoseCostBcryptCannotUse() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new Credentials("admin", "$2a$03$" + HASH.substring(7)))
			.withMessageContaining("[auth] password_hash")
			.withMessageContaining("cost 3");
	}

}

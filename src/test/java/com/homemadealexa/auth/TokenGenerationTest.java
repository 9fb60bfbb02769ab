package com.homemadealexa.auth;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.homemadealexa.config.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenGenerationTest {

	private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuJ0VXc8C0c1K3lQ6kJzvF6Xkq3N0v7b2";

	private static final String OTHER_HASH = "$2a$04$zyxwvutsrqponmlkjihgfeJ0VXc8C0c1K3lQ6kJzvF6Xkq3N0v7b2";

	@TempDir
	Path data;

	@Test
	void startsAtZeroAndKeepsTheGenerationAcrossRestarts() throws Exception {
		assertThat(TokenGeneration.load(this.data, HASH).current()).isZero();
		assertThat(TokenGeneration.load(this.data, HASH).current()).isZero();
	}

	@Test
	void aRevocationOutlivesARestart() throws Exception {
		TokenGeneration generation = TokenGeneration.load(this.data, HASH);
		assertThat(generation.revoke()).isEqualTo(1);
		assertThat(generation.current()).isEqualTo(1);
		assertThat(TokenGeneration.load(this.data, HASH).current()).isEqualTo(1);
	}

	@Test
	void aNewPasswordHashStartsANewGenerationOnce() {
		TokenGeneration.load(this.data, HASH);
		assertThat(TokenGeneration.load(this.data, OTHER_HASH).current()).isEqualTo(1);
		assertThat(TokenGeneration.load(this.data, OTHER_HASH).current()).isEqualTo(1);
		assertThat(TokenGeneration.load(this.data, HASH).current()).as("back to the old password").isEqualTo(2);
	}

	@Test
	void keepsNeitherTheHashNorThePasswordInTheFile() throws Exception {
		TokenGeneration.load(this.data, HASH);
		assertThat(Files.readString(this.data.resolve(TokenGeneration.FILE_NAME))).doesNotContain(HASH)
			.doesNotContain(HASH.substring(7))
			.contains("generation=0");
	}

	@Test
	void aDamagedFileStopsTheStartWithItsName() throws Exception {
		Files.writeString(this.data.resolve(TokenGeneration.FILE_NAME), "generation=minus one\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> TokenGeneration.load(this.data, HASH))
			.withMessageContaining(TokenGeneration.FILE_NAME)
			.withMessageContaining("damaged");
	}

}

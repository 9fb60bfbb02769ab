package com.homemadealexa.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class HashPasswordCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void hashesThePasswordGivenAsAnArgument() {
		int exit = run("", "--password=zażółć gęślą");
		String hash = output();
		assertThat(exit).isZero();
		assertThat(hash).startsWith("$2a$12$");
		assertThat(BCrypt.checkpw("zażółć gęślą", hash)).isTrue();
		assertThat(new Credentials("admin", hash).matches("admin", "zażółć gęślą")).isTrue();
	}

	@Test
	void hashesALineReadFromStandardInput() {
		int exit = run("s3cret\n");
		assertThat(exit).isZero();
		assertThat(BCrypt.checkpw("s3cret", output())).isTrue();
	}

	@Test
	void refusesAnEmptyPassword() {
		int exit = run("\n");
		assertThat(exit).isEqualTo(1);
		assertThat(output()).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("empty");
	}

	private int run(String stdin, String... args) {
		HashPasswordCommand command = new HashPasswordCommand(null,
				new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		return new CommandLine(command).execute(args);
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8).trim();
	}

}

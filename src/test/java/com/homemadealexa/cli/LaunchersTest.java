package com.homemadealexa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways of starting the jar stay in step with each other and with the README: every
 * launcher ends the JVM on OutOfMemoryError, the README's commands exist, and CI runs the
 * README's test command.
 */
class LaunchersTest {

	private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

	@Test
	void everyLauncherTakesTheJvmOptionsFileWhichEndsTheProcessOnOutOfMemory() throws IOException {
		assertThat(read("jvm.options").lines()).contains(EXIT_ON_OOM, "-XX:+UseSerialGC");
		assertThat(read("alexa")).contains("jvm_options=\"@$here/jvm.options\"")
			.contains("exec \"$java\" \"$jvm_options\" ")
			.contains("if ! \"$java\" \"$jvm_options\" ");
		assertThat(read("Dockerfile")).contains("ENTRYPOINT [\"java\", \"@/app/jvm.options\"")
			.contains("COPY config.toml jvm.options ./")
			.contains("java @jvm.options -XX:AOTCacheOutput=");
		assertThat(read("pom.xml")).contains("<jvmArguments>@${project.basedir}/jvm.options</jvmArguments>");
		// The unit runs the launcher, which adds the flag.
		assertThat(read("deploy/homemade-alexa.service")).contains("ExecStart=/opt/homemade-alexa/alexa ")
			.contains("SuccessExitStatus=143")
			.containsPattern("(?m)^LimitNOFILE=\\d+$");
	}

	@Test
	void theImageUsesFullyQualifiedBaseImagesAndHasAHealthCheck() throws IOException {
		String dockerfile = read("Dockerfile");
		List<String> from = dockerfile.lines().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(from).isNotEmpty().allMatch((line) -> line.startsWith("FROM docker.io/library/"));
		assertThat(dockerfile).contains("HEALTHCHECK ").contains("/actuator/health/liveness");
		assertThat(read(".dockerignore")).contains("target/", "data/", ".git");
	}

	@Test
	void theReadmeStartsEverythingThroughTheLauncherWithCommandsThatExist() throws IOException {
		String readme = read("README.md");
		assertThat(readme.lines().filter((line) -> line.stripLeading().startsWith("java -jar"))).isEmpty();
		Matcher commands = Pattern.compile("(?m)^\\s*\\./alexa ([a-z][a-z-]*)").matcher(readme);
		int found = 0;
		while (commands.find()) {
			found++;
			String command = commands.group(1);
			assertThat(ClientCommands.handles(command) || command.equals("hash-password"))
				.as("README runs ./alexa %s, which the jar does not know", command)
				.isTrue();
		}
		assertThat(found).isGreaterThanOrEqualTo(5);
	}

	@Test
	void ciRunsExactlyTheReadmesTestCommand() throws IOException {
		assertThat(read("README.md")).contains("```sh\n./test\n```");
		List<String> ci = read(".ci/run").lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
		assertThat(ci).last().isEqualTo("./test");
		assertThat(read("test")).contains("exec ./mvnw verify \"$@\"");
	}

	private static String read(String file) throws IOException {
		return Files.readString(Path.of(file), StandardCharsets.UTF_8);
	}

}

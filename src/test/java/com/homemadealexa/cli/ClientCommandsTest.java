package com.homemadealexa.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands say before they reach any server. The server URL points at a port
 * nobody listens on.
 */
class ClientCommandsTest {

	private static final String NOWHERE = "http://127.0.0.1:9";

	@TempDir
	Path work;

	@Test
	void claimsOnlyItsOwnCommands() {
		assertThat(ClientCommands.handles("ask")).isTrue();
		assertThat(ClientCommands.handles("ask-multiple")).isTrue();
		assertThat(ClientCommands.handles("device")).isTrue();
		assertThat(ClientCommands.handles("audio-server")).isTrue();
		assertThat(ClientCommands.handles("help")).isTrue();
		assertThat(ClientCommands.handles("-h")).isTrue();
		assertThat(ClientCommands.handles("--help")).isTrue();
		assertThat(ClientCommands.handles("hash-password")).isFalse();
		assertThat(ClientCommands.handles("--server.port=8080")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "help", "-h", "--help" })
	void helpListsEveryCommandAndHowToStartTheServer(String help) {
		CliRun run = CliRun.of(help);

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("./alexa [--config=PATH]", "runs the server")
			.contains("ask ", "ask-multiple", "device", "audio-server", "hash-password");
	}

	@Test
	void audioServerHelpSaysWhereToRunIt() {
		CliRun run = CliRun.of("audio-server", "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("--port", "--device", "speaker", "[audio_server] url");
	}

	@Test
	void explainsAFileThatIsNotAudio() throws Exception {
		Path notes = this.work.resolve("notes.wav");
		Files.writeString(notes, "shopping list: milk, eggs");

		CliRun run = CliRun.of("ask", notes.toString(), "--server", NOWHERE, "--password", "x");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("notes.wav is not audio this client can read").doesNotContain("at com.");
	}

	@Test
	void explainsAMissingFile() {
		CliRun run = CliRun.of("ask", this.work.resolve("absent.wav").toString(), "--server", NOWHERE);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("absent.wav: no such file");
	}

	@Test
	void explainsAServerThatIsNotThere() throws Exception {
		Path question = this.work.resolve("question.wav");
		Files.write(question, TestWavs.speech(300));

		CliRun run = CliRun.of("ask", question.toString(), "--server", NOWHERE, "--password", "x", "--token-cache",
				this.work.resolve("token.json").toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("Cannot reach the server at " + NOWHERE);
	}

	@Test
	void asksForAPasswordItCannotPrompt() throws Exception {
		Path question = this.work.resolve("question.wav");
		Files.write(question, TestWavs.tone(new PcmFormat(8000, 8, 1), 300, 300));

		CliRun run = CliRun.of("ask", question.toString(), "--server", NOWHERE, "--token-cache",
				this.work.resolve("token.json").toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("ALEXA_PASSWORD");
	}

	@Test
	void reportsEachUnreadableFileOfABatch() throws Exception {
		Path broken = this.work.resolve("broken.wav");
		Files.write(broken, new byte[] { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E' });

		CliRun run = CliRun.of("ask-multiple", broken.toString(), this.work.resolve("absent.wav").toString(),
				"--server", NOWHERE, "--password", "x", "--token-cache", this.work.resolve("token.json").toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("broken.wav is not audio this client can read")
			.contains("absent.wav: no such file")
			.contains("Total: 2 requests")
			.contains("2 failed");
		assertThat(run.err()).doesNotContain("Cannot reach the server");
	}

	@Test
	void refusesAServerThatIsNotAnHttpUrl() throws Exception {
		Path question = this.work.resolve("question.wav");
		Files.write(question, TestWavs.speech(300));

		CliRun run = CliRun.of("ask", question.toString(), "--server", "ftp://example", "--password", "x");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("--server must be an http:// or https:// URL");
	}

}

package com.homemadealexa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ask} and {@code ask-multiple} against the running server: the webapp's login and
 * speech routes, the token cache, and concurrency.
 */
class AskCommandTest extends RunningServerTest {

	@TempDir
	Path work;

	Path tokenCache;

	@BeforeEach
	void answerJokes() {
		this.tokenCache = this.work.resolve("cache").resolve("token.json");
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.");
		chat.answerText("tell me a joke", "Knock knock. Who is there?");
	}

	@Test
	void savesAPlayableReplyAndReusesTheCachedToken() throws Exception {
		// CD quality stereo: the client converts it to what the server takes.
		Path question = recording("question.wav", new PcmFormat(44100, 16, 2), 700);
		Path reply = this.work.resolve("reply.wav");
		long loginsBefore = logins();

		CliRun first = ask(question.toString(), "--out", reply.toString());

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("Heard: Tell me a joke.").contains("Next: listen").contains("reply.wav");
		assertThat(first.err()).contains("Logged in as admin");
		PcmAudio answer = Wav.decode(Files.readAllBytes(reply));
		assertThat(answer.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(answer.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		await().atMost(Duration.ofSeconds(5)).until(() -> logins() == loginsBefore + 1);
		byte[] cached = Files.readAllBytes(this.tokenCache);

		Files.delete(reply);
		CliRun second = ask(question.toString(), "--out", reply.toString());

		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.err()).doesNotContain("Logged in");
		assertThat(Wav.decode(Files.readAllBytes(reply)).duration()).isEqualTo(answer.duration());
		assertThat(Files.readAllBytes(this.tokenCache)).isEqualTo(cached);
		assertThat(logins()).isEqualTo(loginsBefore + 1);
	}

	@Test
	void replacesAnExpiredCachedTokenWithOneLogin() throws Exception {
		String expired = TestTokens.unsigned(Instant.now().minus(Duration.ofHours(1)));
		new TokenCache(this.tokenCache).save(server(), "admin", expired);
		long loginsBefore = logins();

		CliRun run = ask(recording("question.wav", PcmFormat.SPEECH, 500).toString(), "--out",
				this.work.resolve("reply.wav").toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("Heard: Tell me a joke.");
		await().atMost(Duration.ofSeconds(5)).until(() -> logins() == loginsBefore + 1);
		String fresh = new TokenCache(this.tokenCache).load(server(), "admin").orElseThrow();
		assertThat(fresh).isNotEqualTo(expired);
		assertThat(JwtExpiry.of(fresh)).hasValueSatisfying((expiry) -> assertThat(expiry).isAfter(Instant.now()));
	}

	@Test
	void replacesATokenTheServerRefusesWithOneLogin() throws Exception {
		// Not expired, but not signed by this server (e.g. its secret changed).
		String foreign = TestTokens.unsigned(Instant.now().plus(Duration.ofDays(1)));
		new TokenCache(this.tokenCache).save(server(), "admin", foreign);
		long loginsBefore = logins();

		CliRun run = ask(recording("question.wav", PcmFormat.SPEECH, 500).toString(), "--out",
				this.work.resolve("reply.wav").toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("Logged in as admin");
		await().atMost(Duration.ofSeconds(5)).until(() -> logins() == loginsBefore + 1);
		assertThat(new TokenCache(this.tokenCache).load(server(), "admin")).isPresent().get().isNotEqualTo(foreign);
	}

	@Test
	void takesThePasswordFromTheEnvironment() throws Exception {
		Path question = recording("question.wav", PcmFormat.SPEECH, 500);

		CliRun run = CliRun.withEnvironment(Map.of("ALEXA_PASSWORD", PASSWORD), "ask", question.toString(), "--out",
				this.work.resolve("reply.wav").toString(), "--server", server().toString(), "--token-cache",
				this.tokenCache.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(this.work.resolve("reply.wav")).isNotEmptyFile();
	}

	@Test
	void reportsAWrongPasswordWithoutAStackTrace() throws Exception {
		CliRun run = CliRun.of("ask", recording("question.wav", PcmFormat.SPEECH, 500).toString(), "--server",
				server().toString(), "--password", "wrong", "--token-cache", this.tokenCache.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("wrong username or password").doesNotContain("Exception");
		assertThat(this.tokenCache).doesNotExist();
	}

	@Test
	void asksTenRecordingsAtOnceInAboutTheTimeOfOne() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "Tell me a joke.", Duration.ofSeconds(1));
		List<String> args = new ArrayList<>(
				List.of("ask-multiple", "--out-dir", this.work.resolve("replies").toString(), "--server",
						server().toString(), "--password", PASSWORD, "--token-cache", this.tokenCache.toString()));
		for (int i = 0; i < 10; i++) {
			args.add(recording("question-" + i + ".wav", PcmFormat.SPEECH, 400).toString());
		}

		long started = System.nanoTime();
		CliRun run = CliRun.of(args.toArray(String[]::new));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
		// Ten requests one after another would take over 10 s.
		assertThat(took).isLessThan(Duration.ofSeconds(6));
		assertThat(run.out()).contains("Total: 10 requests").contains("0 failed");
		assertThat(run.out().lines().filter((line) -> line.contains("heard \"Tell me a joke.\""))).hasSize(10);
		for (int i = 0; i < 10; i++) {
			Path reply = this.work.resolve("replies").resolve("question-" + i + "-reply.wav");
			assertThat(Wav.decode(Files.readAllBytes(reply)).format()).isEqualTo(PcmFormat.SPEECH);
		}
	}

	private CliRun ask(String... args) {
		List<String> all = new ArrayList<>(List.of("ask"));
		all.addAll(List.of(args));
		all.addAll(List.of("--server", server().toString(), "--password", PASSWORD, "--token-cache",
				this.tokenCache.toString()));
		return CliRun.of(all.toArray(String[]::new));
	}

	private Path recording(String name, PcmFormat format, int millis) throws Exception {
		Path file = this.work.resolve(name);
		Files.write(file, TestWavs.tone(format, millis, 300));
		return file;
	}

}

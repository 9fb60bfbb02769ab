package com.homemadealexa.reliability;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A power cut with 100 reminders pending: the server runs as its own process, is killed
 * with {@code SIGKILL} and started again on the same data folder. Every reminder is
 * spoken exactly once (those that fell due while it was down as soon as it is back, the
 * rest on time) and the SQLite database passes its integrity check after the crash and
 * after the run.
 */
class ReminderCrashIT {

	private static final int REMINDERS = 100;

	private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

	// The voice answers reminder n with a tone of (BASE_MILLIS + n) ms, so the length of
	// each WAV the speaker receives says which reminder it was.
	private static final int BASE_MILLIS = 200;

	private static final String SCHEDULER = "reliability-crash-test";

	@TempDir
	Path folder;

	private final WireMockServer voice = LoopbackWireMock.start();

	private final FakeAudioServer speaker = FakeAudioServer.start();

	private final JsonMapper json = JsonMapper.builder().build();

	private ServerProcess server;

	@AfterEach
	void stopEverything() {
		if (this.server != null) {
			this.server.close();
		}
		this.voice.stop();
		this.speaker.close();
	}

	@Test
	void everyPendingReminderFiresExactlyOnceAfterAKillAndTheDatabaseStaysIntact() throws Exception {
		for (int n = 0; n < REMINDERS; n++) {
			this.voice.stubFor(post(urlPathEqualTo(AzureTtsStubs.PATH)).withRequestBody(containing(text(n)))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "audio/x-wav")
					.withBody(TestWavs.speech(BASE_MILLIS + n))));
		}
		Path config = writeConfig();
		Path log = this.folder.resolve("server.log");
		long started = System.nanoTime();
		this.server = ServerProcess.start(config, Loopback.freePort(), log,
				"--spring.quartz.scheduler-name=" + SCHEDULER);

		// Due from 6 s on, one every 150 ms. The server stays down until the first ones
		// are
		// due, so some fall due while it is down and the rest after it is back.
		long scheduling = System.nanoTime();
		LocalDateTime first = LocalDateTime.now(ZONE).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
		for (int n = 0; n < REMINDERS; n++) {
			LocalDateTime due = first.plus(Duration.ofMillis(150L * n)).truncatedTo(ChronoUnit.SECONDS);
			HttpResponse<String> created = postJson("/api/internal/reminders",
					"{\"scheduled_at\": \"" + due + "\", \"text\": \"" + text(n) + "\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		assertThat(LocalDateTime.now(ZONE)).as("all reminders stored before the first is due")
			.isBefore(first.minusSeconds(1));
		assertThat(this.json.readTree(get("/api/internal/reminders").body()).size()).isEqualTo(REMINDERS);

		long schedulingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scheduling);

		this.server.kill();
		LocalDateTime killedAt = LocalDateTime.now(ZONE);
		assertThat(this.speaker.plays()).as("nothing spoken before the kill").isEmpty();
		assertThat(integrity()).isEqualTo("ok");
		// The outage: the server stays down until after the first reminders were due.
		await().atMost(Duration.ofSeconds(15)).until(() -> LocalDateTime.now(ZONE).isAfter(first.plusSeconds(1)));

		this.server = ServerProcess.start(config, Loopback.freePort(), log,
				"--spring.quartz.scheduler-name=" + SCHEDULER);
		LocalDateTime backAt = LocalDateTime.now(ZONE);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.speaker.plays().size() >= REMINDERS);
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.speaker.plays().size() == REMINDERS);
		Map<Integer, Long> spoken = this.speaker.plays()
			.stream()
			.map((wav) -> (int) Wav.duration(wav).toMillis() - BASE_MILLIS)
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
		assertThat(spoken).as("times each reminder was spoken").hasSize(REMINDERS).allSatisfy((n, times) -> {
			assertThat(n).isBetween(0, REMINDERS - 1);
			assertThat(times).isEqualTo(1L);
		});
		assertThat(this.json.readTree(get("/api/internal/reminders").body()).size()).isZero();
		this.server.stop();
		assertThat(integrity()).isEqualTo("ok");

		long dueWhileDown = IntStream.range(0, REMINDERS)
			.mapToObj((n) -> first.plus(Duration.ofMillis(150L * n)).truncatedTo(ChronoUnit.SECONDS))
			.filter((due) -> due.isBefore(backAt))
			.count();
		Figures.record("durability", "reminders", REMINDERS);
		Figures.record("durability", "milliseconds to store them", schedulingMillis);
		Figures.record("durability", "fell due while the server was down", dueWhileDown);
		Figures.record("durability", "seconds down", Duration.between(killedAt, backAt).toMillis() / 1000.0);
		Figures.record("durability", "spoken exactly once", spoken.size());
		Figures.record("durability", "seconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
	}

	private static String text(int n) {
		return "reminder-%03d".formatted(n);
	}

	private Path writeConfig() throws IOException {
		Path config = this.folder.resolve("config.toml");
		Files.writeString(config,
				"""
						[server]
						host = "127.0.0.1"

						[data]
						dir = "%s"

						[firmware]
						dir = "%s"

						[audio]
						log_dir = "%s"

						[audio_server]
						url = "%s"
						timeout_seconds = 5

						[speech]
						tts_provider = "azure"
						timeout_seconds = 5

						[azure]
						speech_key = "test-azure-key"
						endpoint = "%s"

						[assistant]
						language = "en-US"
						time_zone = "%s"
						templates_dir = "%s"

						[reminders]
						misfire_grace_seconds = 60
						""".formatted(this.folder.resolve("data"), this.folder.resolve("firmware"),
						this.folder.resolve("audio_log"), this.speaker.url(), AzureTtsStubs.endpoint(this.voice),
						ZONE.getId(), this.folder.resolve("templates")));
		return config;
	}

	private String integrity() throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:sqlite:" + this.folder.resolve("data").resolve("alexa.db"));
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
			return result.next() ? result.getString(1) : "no result";
		}
	}

	private HttpResponse<String> postJson(String path, String body) throws Exception {
		return this.server.http()
			.send(HttpRequest.newBuilder(this.server.uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.server.http()
			.send(HttpRequest.newBuilder(this.server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

}

package com.homemadealexa.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.HomemadeAlexaApplication;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import org.mindrot.jbcrypt.BCrypt;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server the fuzz properties run against: the whole application on a random port,
 * started by hand because jqwik properties do not run under Spring's JUnit extension.
 * Speech-to-text hears silence, the model answers "OK.", the speaker accepts everything,
 * and one device stays connected so that admin commands have someone to reach.
 */
final class FuzzServer implements AutoCloseable {

	static final String PASSWORD = "fuzz-password";

	private final Path folder;

	private final WireMockServer openAi;

	private final FakeAudioServer speaker;

	private final ConfigurableApplicationContext context;

	private final TestDevice device;

	private final int port;

	private final String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private FuzzServer(Path folder, WireMockServer openAi, FakeAudioServer speaker,
			ConfigurableApplicationContext context) {
		this.folder = folder;
		this.openAi = openAi;
		this.speaker = speaker;
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.device = TestDevice.connect(this.port).hello("fuzz-box");
		this.token = login();
	}

	static FuzzServer start() throws IOException {
		Path folder = Files.createTempDirectory("alexa-fuzz");
		Files.createDirectories(folder.resolve("firmware"));
		Files.writeString(folder.resolve("firmware").resolve("box-1.0.bin"), "firmware image");
		WireMockServer openAi = LoopbackWireMock.start();
		OpenAiSpeechStubs.transcriptionReturns(openAi, "");
		new OpenAiChatStubs(openAi).answerText("", "OK.");
		FakeAudioServer speaker = FakeAudioServer.start();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HomemadeAlexaApplication.class).run(
				"--server.port=0", "--data.dir=" + folder.resolve("data"),
				"--firmware.dir=" + folder.resolve("firmware"), "--audio.log-dir=" + folder.resolve("audio_log"),
				"--audio.max-seconds=2", "--openai.api-key=test-key",
				"--openai.base-url=" + OpenAiSpeechStubs.baseUrl(openAi), "--openai.timeout-seconds=2",
				"--speech.stt-provider=openai", "--speech.tts-provider=espeak", "--speech.timeout-seconds=5",
				"--audio-server.url=" + speaker.url(), "--audio-server.timeout-seconds=2", "--assistant.language=en-US",
				"--auth.password-hash=" + BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)),
				"--device.ping-interval-seconds=1", "--device.pong-timeout-seconds=2",
				"--device.send-timeout-seconds=2", "--logging.level.com.homemadealexa=WARN",
				"--logging.level.org.springframework.web.socket=ERROR");
		return new FuzzServer(folder, openAi, speaker, context);
	}

	int port() {
		return this.port;
	}

	/** A valid webapp token, taken before any fuzzing could lock the login out. */
	String token() {
		return this.token;
	}

	HttpClient http() {
		return this.http;
	}

	URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

	/**
	 * Asserts that the server still does its job: it is healthy, a text command is
	 * answered, and a display command reaches the device that has been connected all
	 * along.
	 */
	void assertServesNormally() throws IOException, InterruptedException {
		assertThat(this.http
			.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		HttpResponse<String> chat = this.http.send(HttpRequest.newBuilder(uri("/api/internal/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"tell me something\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chat.statusCode()).isEqualTo(200);
		assertThat(chat.body()).contains("OK.");
		drainDevice();
		HttpResponse<String> display = this.http.send(HttpRequest.newBuilder(uri("/api/internal/display"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"still here\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(display.statusCode()).isEqualTo(200);
		String message;
		do {
			message = this.device.nextMessage();
		}
		while (!message.contains("still here"));
	}

	private void drainDevice() {
		while (this.device.pollMessage(Duration.ZERO) != null) {
			// Commands sent by fuzzed admin requests.
		}
	}

	private String login() {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/public/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return JsonMapper.builder().build().readTree(response.body()).get("token").asString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.device.close();
		this.context.close();
		this.openAi.stop();
		this.speaker.close();
		FileSystemUtils.deleteRecursively(this.folder);
	}

}

package com.homemadealexa.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import org.mindrot.jbcrypt.BCrypt;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The application context shared by the reliability suites that run inside the test JVM:
 * every provider is a loopback fake that can fail or vanish, provider timeouts are 1 s,
 * device pings after 1 s of silence (5 s to answer), and only 127.0.0.0/25 is trusted (so
 * a client bound to 127.0.0.200 is a stranger). Subclasses share one context and one set
 * of fakes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReliabilityServer {

	static final String PASSWORD = "reliability-password";

	/** A loopback address outside {@code server.trusted_networks}. */
	static final int STRANGER = 200;

	/** Speech-to-text and the LLM (one OpenAI base URL serves both). */
	static final Fake openAi = new Fake();

	/** Text-to-speech (Azure's REST endpoint). */
	static final Fake azure = new Fake();

	/** The audio server. */
	static final Fake speaker = new Fake();

	static final Path folder = temporaryFolder();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void reliabilityProperties(DynamicPropertyRegistry registry) {
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> folder.resolve("audio_log").toString());
		registry.add("audio.max-seconds", () -> "5");
		registry.add("openai.api-key", () -> "sk-test-reliability");
		registry.add("openai.base-url", () -> openAi.url() + "/v1");
		registry.add("openai.timeout-seconds", () -> "1");
		registry.add("speech.stt-provider", () -> "openai");
		registry.add("speech.tts-provider", () -> "azure");
		registry.add("speech.timeout-seconds", () -> "1");
		registry.add("azure.speech-key", () -> "test-azure-key");
		registry.add("azure.endpoint", azure::url);
		registry.add("audio-server.url", speaker::url);
		registry.add("audio-server.timeout-seconds", () -> "1");
		registry.add("assistant.language", () -> "en-US");
		registry.add("assistant.prefer-local", () -> "false");
		registry.add("auth.password-hash", () -> BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)));
		registry.add("auth.max-failed-logins", () -> "5");
		// The suites share this context; LoginFloodIT has its own to exhaust the global
		// bound.
		registry.add("auth.max-failed-logins-per-minute", () -> "1000");
		registry.add("server.trusted-networks", () -> "127.0.0.0/25,::1/128");
		registry.add("device.ping-interval-seconds", () -> "1");
		// Long enough that a live client starved of CPU on a loaded machine (two builds
		// on two cores) still answers in time: with 1 s, DeviceChurnIT saw the server
		// drop a fresh, healthy connection before its hello.
		registry.add("device.pong-timeout-seconds", () -> "5");
		registry.add("device.send-timeout-seconds", () -> "5");
	}

	/**
	 * Every provider present and well: any utterance is heard as "Goodbye for now.", the
	 * model answers with the stop skill, speech is a 100 ms tone and the speaker accepts
	 * everything.
	 */
	static void healthyProviders() {
		openAi.present();
		azure.present();
		speaker.present();
		openAi.server().resetAll();
		azure.server().resetAll();
		speaker.server().resetAll();
		OpenAiSpeechStubs.transcriptionReturns(openAi.server(), "Goodbye for now.");
		new OpenAiChatStubs(openAi.server()).callTool("", "stop", "{}");
		AzureTtsStubs.speechReturnsTone(azure.server(), 100);
		for (String path : new String[] { "/api/play", "/api/abort" }) {
			speaker.server()
				.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"status\": \"ok\"}")));
		}
	}

	private static Path temporaryFolder() {
		try {
			Path path = Files.createTempDirectory("alexa-reliability");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					FileSystemUtils.deleteRecursively(path);
				}
				catch (IOException ex) {
					// Left in the temporary folder.
				}
			}));
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

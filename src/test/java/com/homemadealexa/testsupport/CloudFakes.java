package com.homemadealexa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One set of loopback fakes per test JVM for integration tests: the audio server, an
 * OpenAI-compatible WireMock, an Azure text-to-speech WireMock, and a data folder.
 * Started on first use, stopped when the JVM exits. Because the fakes and the registered
 * property values are the same for every test class, Spring can share one application
 * context among classes that use {@link CloudFakesIntegrationTest}.
 */
public final class CloudFakes {

	/** The OpenAI key the application is given; fakes do not check it. */
	public static final String OPENAI_KEY = "sk-test-openai-key";

	/** The Azure Speech key the application is given; fakes do not check it. */
	public static final String AZURE_KEY = "test-azure-speech-key";

	private static FakeAudioServer audioServer;

	private static WireMockServer openAi;

	private static WireMockServer azure;

	private static Path folder;

	private CloudFakes() {
	}

	public static synchronized FakeAudioServer audioServer() {
		if (audioServer == null) {
			audioServer = FakeAudioServer.start();
		}
		return audioServer;
	}

	/** Stub it with {@link OpenAiSpeechStubs} (and chat completions for the LLM). */
	public static synchronized WireMockServer openAi() {
		if (openAi == null) {
			openAi = LoopbackWireMock.start();
		}
		return openAi;
	}

	/** Stub it with {@link AzureTtsStubs}. */
	public static synchronized WireMockServer azure() {
		if (azure == null) {
			azure = LoopbackWireMock.start();
		}
		return azure;
	}

	/** A temporary folder for this JVM, holding {@code data/}, {@code audio_log/}, ... */
	public static synchronized Path folder() {
		if (folder == null) {
			try {
				folder = Files.createTempDirectory("alexa-it-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(CloudFakes::shutdown));
		}
		return folder;
	}

	/**
	 * Points the application at the fakes: {@code audio-server.url},
	 * {@code openai.base-url} and key, {@code azure.endpoint} and key (text-to-speech:
	 * Azure, speech-to-text: OpenAI), and {@code data.dir}, {@code audio.log-dir},
	 * {@code firmware.dir} under {@link #folder()}.
	 */
	public static void registerProperties(DynamicPropertyRegistry registry) {
		Path folder = folder();
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("audio.log-dir", () -> folder.resolve("audio_log").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("audio-server.url", () -> audioServer().url());
		registry.add("audio-server.timeout-seconds", () -> "2");
		registry.add("openai.api-key", () -> OPENAI_KEY);
		registry.add("openai.base-url", () -> OpenAiSpeechStubs.baseUrl(openAi()));
		registry.add("azure.speech-key", () -> AZURE_KEY);
		registry.add("azure.endpoint", () -> AzureTtsStubs.endpoint(azure()));
		registry.add("speech.stt-provider", () -> "openai");
		registry.add("speech.tts-provider", () -> "azure");
		registry.add("speech.timeout-seconds", () -> "5");
	}

	/** Forgets stubs and recorded requests and heals the audio server. */
	public static void resetAll() {
		audioServer().reset();
		openAi().resetAll();
		azure().resetAll();
	}

	private static synchronized void shutdown() {
		if (audioServer != null) {
			audioServer.close();
		}
		if (openAi != null) {
			openAi.stop();
		}
		if (azure != null) {
			azure.stop();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary folder is harmless.
		}
	}

}

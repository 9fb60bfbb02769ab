package com.homemadealexa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.mindrot.jbcrypt.BCrypt;

import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The one set of loopback fakes of a test JVM, for every integration test: the audio
 * server, an OpenAI-compatible WireMock (speech-to-text, chat, text-to-speech), an Azure
 * text-to-speech WireMock, two Wyoming services (speech-to-text and a voice), and a data
 * folder per household. Started on first use, stopped when the JVM exits. A test class
 * gets them with {@link CloudFakesTest} (or by extending
 * {@link CloudFakesIntegrationTest}); its attributes say which fakes the application uses
 * and how they behave.
 */
public final class CloudFakes {

	/** The OpenAI key the application is given; fakes do not check it. */
	public static final String OPENAI_KEY = "sk-test-openai-key";

	/** The Azure Speech key the application is given; fakes do not check it. */
	public static final String AZURE_KEY = "test-azure-speech-key";

	/** What the Wyoming speech-to-text service hears until a test scripts otherwise. */
	public static final String WYOMING_HEARS = "what time is it";

	private static FakeAudioServer audioServer;

	private static WireMockServer openAi;

	private static WireMockServer azure;

	private static FakeWyomingServer wyomingSpeechToText;

	private static FakeWyomingServer wyomingTextToSpeech;

	private static Path folder;

	private CloudFakes() {
	}

	public static synchronized FakeAudioServer audioServer() {
		if (audioServer == null) {
			audioServer = FakeAudioServer.start();
			shutdownHook();
		}
		return audioServer;
	}

	/**
	 * Stub it with {@link OpenAiSpeechStubs} and {@link OpenAiChatStubs} (see
	 * {@link #chat()}).
	 */
	public static synchronized WireMockServer openAi() {
		if (openAi == null) {
			openAi = LoopbackWireMock.start();
			shutdownHook();
		}
		return openAi;
	}

	/** Chat completion stubs on {@link #openAi()}. */
	public static OpenAiChatStubs chat() {
		return new OpenAiChatStubs(openAi());
	}

	/** Stub it with {@link AzureTtsStubs}. */
	public static synchronized WireMockServer azure() {
		if (azure == null) {
			azure = LoopbackWireMock.start();
			shutdownHook();
		}
		return azure;
	}

	/** Hears {@link #WYOMING_HEARS} after each reset; script it for more. */
	public static synchronized FakeWyomingServer wyomingSpeechToText() {
		if (wyomingSpeechToText == null) {
			wyomingSpeechToText = FakeWyomingServer.start(FakeWyomingServer.transcriber(WYOMING_HEARS));
			shutdownHook();
		}
		return wyomingSpeechToText;
	}

	/** A Piper-like voice (22,050 Hz, 900 ms a sentence) after each reset. */
	public static synchronized FakeWyomingServer wyomingTextToSpeech() {
		if (wyomingTextToSpeech == null) {
			wyomingTextToSpeech = FakeWyomingServer.start(FakeWyomingServer.piper(22050, 900));
			shutdownHook();
		}
		return wyomingTextToSpeech;
	}

	/** The JVM's temporary folder; each household has a folder of its own in it. */
	public static synchronized Path folder() {
		if (folder == null) {
			try {
				folder = Files.createTempDirectory("alexa-it-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			shutdownHook();
		}
		return folder;
	}

	/**
	 * The folder of a {@link CloudFakesTest} class's household, holding {@code data/},
	 * {@code audio_log/} and {@code firmware/}.
	 */
	public static Path folder(Class<?> testClass) {
		CloudFakesTest household = TestContextAnnotationUtils.findMergedAnnotation(testClass, CloudFakesTest.class);
		if (household == null) {
			throw new IllegalArgumentException(testClass.getName() + " is not a @CloudFakesTest");
		}
		return folder(Household.of(household));
	}

	static Path folder(Household household) {
		return folder().resolve("household-" + Integer.toHexString(household.hashCode()));
	}

	/** Forgets stubs and recorded requests, heals the audio server, rescripts Wyoming. */
	public static void resetAll() {
		audioServer().reset();
		openAi().resetAll();
		openAi().setGlobalFixedDelay(0);
		azure().resetAll();
		azure().setGlobalFixedDelay(0);
		wyomingSpeechToText().script(FakeWyomingServer.transcriber(WYOMING_HEARS));
		wyomingTextToSpeech().script(FakeWyomingServer.piper(22050, 900));
	}

	/** {@link #resetAll()}, then the latency, voice and model the household asks for. */
	static void reset(CloudFakesTest household) {
		resetAll();
		if (household.latencyMillis() > 0) {
			openAi().setGlobalFixedDelay(household.latencyMillis());
			azure().setGlobalFixedDelay(household.latencyMillis());
		}
		if (household.voiceMillis() > 0) {
			switch (household.textToSpeech()) {
				case OPENAI -> OpenAiSpeechStubs.speechReturns(openAi(), TestWavs.speech(household.voiceMillis()));
				case AZURE -> AzureTtsStubs.speechReturnsTone(azure(), household.voiceMillis());
				case WYOMING -> wyomingTextToSpeech().script(FakeWyomingServer.piper(22050, household.voiceMillis()));
				case ESPEAK -> {
				}
			}
		}
		if (household.model() == CloudFakesTest.Model.DOWN) {
			chat().failWith(503);
		}
	}

	/** The application's properties for a household: every provider at its fake. */
	static Map<String, String> properties(Household household) {
		Path home = folder(household);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("data.dir", home.resolve("data").toString());
		properties.put("audio.log-dir", home.resolve("audio_log").toString());
		properties.put("firmware.dir", home.resolve("firmware").toString());
		properties.put("audio-server.url", audioServer().url());
		properties.put("audio-server.timeout-seconds", "2");
		properties.put("assistant.language", household.language());
		properties.put("assistant.prefer-local", Boolean.toString(household.preferLocal()));
		properties.put("speech.stt-provider", household.speechToText().name().toLowerCase(Locale.ROOT));
		properties.put("speech.tts-provider", household.textToSpeech().name().toLowerCase(Locale.ROOT));
		properties.put("speech.timeout-seconds", "5");
		boolean openAiUsed = household.model() != CloudFakesTest.Model.NONE
				|| household.speechToText() == CloudFakesTest.SpeechToText.OPENAI
				|| household.textToSpeech() == CloudFakesTest.TextToSpeech.OPENAI;
		properties.put("openai.api-key", openAiUsed ? OPENAI_KEY : "");
		properties.put("openai.base-url", OpenAiSpeechStubs.baseUrl(openAi()));
		if (household.textToSpeech() == CloudFakesTest.TextToSpeech.AZURE) {
			properties.put("azure.speech-key", AZURE_KEY);
			properties.put("azure.endpoint", AzureTtsStubs.endpoint(azure()));
		}
		else {
			properties.put("azure.speech-key", "");
			properties.put("azure.host", "");
		}
		if (household.speechToText() == CloudFakesTest.SpeechToText.WYOMING) {
			properties.put("wyoming.stt-url", wyomingSpeechToText().url());
		}
		if (household.textToSpeech() == CloudFakesTest.TextToSpeech.WYOMING) {
			properties.put("wyoming.tts-url", wyomingTextToSpeech().url());
		}
		if (!household.password().isEmpty()) {
			properties.put("auth.password-hash", BCrypt.hashpw(household.password(), BCrypt.gensalt(4)));
		}
		return properties;
	}

	private static boolean hooked;

	private static synchronized void shutdownHook() {
		if (!hooked) {
			hooked = true;
			Runtime.getRuntime().addShutdownHook(new Thread(CloudFakes::shutdown));
		}
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
		if (wyomingSpeechToText != null) {
			wyomingSpeechToText.close();
		}
		if (wyomingTextToSpeech != null) {
			wyomingTextToSpeech.close();
		}
		if (folder == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary folder is harmless.
		}
	}

	/**
	 * A {@link CloudFakesTest}'s attributes as a value: equal households share an
	 * application context and a folder.
	 */
	record Household(String language, boolean preferLocal, CloudFakesTest.SpeechToText speechToText,
			CloudFakesTest.TextToSpeech textToSpeech, CloudFakesTest.Model model, String password,
			List<String> properties) {

		static Household of(CloudFakesTest test) {
			return new Household(test.language(), test.preferLocal(), test.speechToText(), test.textToSpeech(),
					test.model(), test.password(), List.of(test.properties()));
		}

	}

}

package com.homemadealexa.speech;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.homemadealexa.health.ProviderHealth;
import com.homemadealexa.health.ProviderState;
import com.homemadealexa.health.Reachability;
import com.homemadealexa.llm.OpenAiSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Speech-to-text and the voice on {@code /actuator/health}, for the providers chosen in
 * {@code [speech]}: a cloud provider by a TCP connect to its host (nothing is transcribed
 * or synthesized, so a probe costs nothing), espeak-ng by its executable on the
 * {@code PATH}. A new provider adds its case here.
 */
@Configuration(proxyBeanMethods = false)
class SpeechHealth {

	static final String ESPEAK = "espeak-ng";

	@Bean
	ProviderHealth speechToTextProviderHealth(SpeechSettings speech, OpenAiSettings openAi, AzureSettings azure,
			Reachability reachability) {
		return ProviderHealth.of("speech-to-text", () -> switch (speech.sttProvider()) {
			case "azure" -> azure.configured() ? ProviderState.probed("azure", azureUrl(azure, "stt"), reachability)
					: ProviderState.notConfigured("azure", "azure.speech_key");
			case "openai" -> openAi.configured() ? ProviderState.probed("openai", openAi.baseUrl(), reachability)
					: ProviderState.notConfigured("openai", "openai.api_key");
			default -> unchecked(speech.sttProvider());
		});
	}

	@Bean
	ProviderHealth voiceProviderHealth(SpeechSettings speech, OpenAiSettings openAi, AzureSettings azure,
			Reachability reachability) {
		return ProviderHealth.of("voice", () -> switch (speech.ttsProvider()) {
			case "azure" -> azure.configured() ? ProviderState.probed("azure", azureUrl(azure, "tts"), reachability)
					: ProviderState.notConfigured("azure", "azure.speech_key (espeak-ng speaks meanwhile)");
			case "openai" -> openAi.configured() ? ProviderState.probed("openai", openAi.baseUrl(), reachability)
					: ProviderState.notConfigured("openai", "openai.api_key (espeak-ng speaks meanwhile)");
			case "espeak" -> espeak();
			default -> unchecked(speech.ttsProvider());
		});
	}

	private static ProviderState espeak() {
		boolean installed = onPath(ESPEAK);
		return new ProviderState("espeak", true, installed, "", "executable on PATH",
				installed ? "" : ESPEAK + " is not installed.");
	}

	private static ProviderState unchecked(String provider) {
		return new ProviderState(provider, true, null, "", "none", "");
	}

	/**
	 * The Speech SDK's host: the endpoint override, or the region's service host.
	 */
	private static String azureUrl(AzureSettings azure, String service) {
		String endpoint = azure.endpoint().strip();
		return endpoint.isEmpty() ? "https://" + azure.region() + "." + service + ".speech.microsoft.com" : endpoint;
	}

	private static boolean onPath(String executable) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		return Arrays.stream(path.split(File.pathSeparator))
			.filter((folder) -> !folder.isBlank())
			.map((folder) -> Path.of(folder, executable))
			.anyMatch(Files::isExecutable);
	}

}

package com.homemadealexa.speech.azure;

import java.net.URI;

import com.microsoft.cognitiveservices.speech.SpeechConfig;

import com.homemadealexa.speech.AzureSettings;

/**
 * The Speech SDK configuration for recognition: the resource key with its region, or with
 * {@code azure.endpoint} when that is set, and the household's language.
 */
final class AzureSpeechConfigs {

	private AzureSpeechConfigs() {
	}

	/**
	 * @return a new native configuration; the caller closes it
	 */
	static SpeechConfig create(AzureSettings settings, String language) {
		String endpoint = settings.endpoint().strip();
		SpeechConfig config = endpoint.isEmpty()
				? SpeechConfig.fromSubscription(settings.speechKey(), settings.region())
				: SpeechConfig.fromEndpoint(URI.create(endpoint), settings.speechKey());
		config.setSpeechRecognitionLanguage(language);
		return config;
	}

}

package com.homemadealexa.speech.azure;

import java.net.URI;

import com.microsoft.cognitiveservices.speech.SpeechConfig;

import com.homemadealexa.speech.AzureSettings;

/**
 * The Speech SDK configuration for recognition: a Speech container at {@code azure.host}
 * (with the key if one is set), else the resource key with {@code azure.endpoint} when
 * that is set, else with its region; and the household's language.
 */
final class AzureSpeechConfigs {

	private AzureSpeechConfigs() {
	}

	/**
	 * @return a new native configuration; the caller closes it
	 */
	static SpeechConfig create(AzureSettings settings, String language) {
		String host = settings.host().strip();
		String endpoint = settings.endpoint().strip();
		SpeechConfig config;
		if (!host.isEmpty()) {
			config = settings.speechKey().isBlank() ? SpeechConfig.fromHost(URI.create(host))
					: SpeechConfig.fromHost(URI.create(host), settings.speechKey());
		}
		else if (!endpoint.isEmpty()) {
			config = SpeechConfig.fromEndpoint(URI.create(endpoint), settings.speechKey());
		}
		else {
			config = SpeechConfig.fromSubscription(settings.speechKey(), settings.region());
		}
		config.setSpeechRecognitionLanguage(language);
		return config;
	}

}

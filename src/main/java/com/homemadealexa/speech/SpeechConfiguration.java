package com.homemadealexa.speech;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.speech.FallbackTextToSpeech.Voice;
import com.homemadealexa.speech.azure.AzureSpeechToText;
import com.homemadealexa.speech.azure.AzureTextToSpeech;
import com.homemadealexa.speech.espeak.EspeakTextToSpeech;
import com.homemadealexa.speech.openai.OpenAiSpeechToText;
import com.homemadealexa.speech.openai.OpenAiTextToSpeech;

/**
 * Picks the providers named in {@code [speech]}. Exactly one {@link SpeechToText} and one
 * {@link TextToSpeech} bean exist; a provider without its key is reported once here, at
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
class SpeechConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SpeechConfiguration.class);

	@Bean
	SpeechToText speechToText(SpeechSettings speech, OpenAiSettings openAi, AzureSettings azure,
			AssistantSettings assistant, MeterRegistry meters) {
		Duration timeout = Duration.ofSeconds(speech.timeoutSeconds());
		SpeechToText provider = switch (speech.sttProvider()) {
			case "azure" -> azure.configured() ? new AzureSpeechToText(azure, assistant.language(), timeout)
					: notConfigured("azure.speech_key");
			default -> openAi.configured() ? new OpenAiSpeechToText(openAi, speech, assistant)
					: notConfigured("openai.api_key");
		};
		return new TimedSpeechToText(speech.sttProvider(), provider, meters);
	}

	@Bean
	TextToSpeech textToSpeech(SpeechSettings speech, OpenAiSettings openAi, AzureSettings azure, MeterRegistry meters) {
		Duration timeout = Duration.ofSeconds(speech.timeoutSeconds());
		Voice espeak = new Voice("espeak", new EspeakTextToSpeech(timeout));
		@Nullable Voice primary = switch (speech.ttsProvider()) {
			case "azure" -> azure.configured() ? new Voice("azure", new AzureTextToSpeech(azure, timeout))
					: missingKey("azure", "azure.speech_key");
			case "openai" -> openAi.configured() ? new Voice("openai", new OpenAiTextToSpeech(openAi, speech))
					: missingKey("openai", "openai.api_key");
			default -> null;
		};
		return new FallbackTextToSpeech(primary, espeak, meters);
	}

	private static SpeechToText notConfigured(String key) {
		String message = "Speech-to-text is not configured: set " + key;
		log.warn(message);
		return new UnconfiguredSpeechToText(message);
	}

	private static @Nullable Voice missingKey(String provider, String key) {
		log.warn("Text-to-speech provider {} is not configured (set {}): speaking with espeak-ng", provider, key);
		return null;
	}

}

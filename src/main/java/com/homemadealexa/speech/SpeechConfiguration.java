package com.homemadealexa.speech;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
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
import com.homemadealexa.speech.wyoming.WyomingSpeechToText;
import com.homemadealexa.speech.wyoming.WyomingStartupCheck;
import com.homemadealexa.speech.wyoming.WyomingTextToSpeech;

/**
 * Picks the providers named in {@code [speech]}. Exactly one {@link SpeechToText} and one
 * {@link TextToSpeech} bean exist; a provider without its key or address is reported once
 * here, at start-up.
 */
@Configuration(proxyBeanMethods = false)
class SpeechConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SpeechConfiguration.class);

	@Bean
	SpeechToText speechToText(SpeechSettings speech, OpenAiSettings openAi, AzureSettings azure,
			WyomingSettings wyoming, AssistantSettings assistant, MeterRegistry meters) {
		Duration timeout = Duration.ofSeconds(speech.timeoutSeconds());
		OpenAiSpeechSettings openAiStt = OpenAiSpeechSettings.speechToText(speech, openAi);
		SpeechToText provider = switch (speech.sttProvider()) {
			case "azure" -> azure.configured() ? new AzureSpeechToText(azure, assistant.language(), timeout)
					: notConfigured("azure.speech_key or azure.host");
			case "wyoming" -> !wyoming.sttUrl().isBlank()
					? new WyomingSpeechToText(wyoming, assistant.locale(), timeout) : notConfigured("wyoming.stt_url");
			default -> openAiStt.configured() ? new OpenAiSpeechToText(openAiStt, assistant)
					: notConfigured("openai.api_key, or speech.stt_base_url for a local server");
		};
		return new TimedSpeechToText(speech.sttProvider(), provider, meters);
	}

	@Bean
	TextToSpeech textToSpeech(SpeechSettings speech, OpenAiSettings openAi, AzureSettings azure,
			WyomingSettings wyoming, MeterRegistry meters) {
		Duration timeout = Duration.ofSeconds(speech.timeoutSeconds());
		Voice espeak = new Voice("espeak", new EspeakTextToSpeech(timeout));
		OpenAiSpeechSettings openAiTts = OpenAiSpeechSettings.textToSpeech(speech, openAi);
		@Nullable Voice primary = switch (speech.ttsProvider()) {
			case "azure" -> azure.configured() ? new Voice("azure", new AzureTextToSpeech(azure, timeout))
					: missingKey("azure", "azure.speech_key or azure.host");
			case "openai" -> openAiTts.configured() ? new Voice("openai", new OpenAiTextToSpeech(openAiTts))
					: missingKey("openai", "openai.api_key, or speech.tts_base_url for a local server");
			case "wyoming" ->
				!wyoming.ttsUrl().isBlank() ? new Voice("wyoming", new WyomingTextToSpeech(wyoming, timeout))
						: missingKey("wyoming", "wyoming.tts_url");
			default -> null;
		};
		return new FallbackTextToSpeech(primary, espeak, meters);
	}

	/**
	 * Once the server is up, asks the Wyoming services in use what they offer (in the
	 * background: a service that is down delays nothing).
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> wyomingStartupCheck(SpeechSettings speech, WyomingSettings wyoming,
			AssistantSettings assistant) {
		boolean stt = "wyoming".equals(speech.sttProvider()) && !wyoming.sttUrl().isBlank();
		boolean tts = "wyoming".equals(speech.ttsProvider()) && !wyoming.ttsUrl().isBlank();
		return (event) -> {
			if (stt || tts) {
				new WyomingStartupCheck(wyoming, assistant.locale(), Duration.ofSeconds(speech.timeoutSeconds()), stt,
						tts)
					.start();
			}
		};
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

package com.homemadealexa.speech;

import java.time.Duration;

import com.homemadealexa.llm.OpenAiSettings;

/**
 * The OpenAI-compatible server of one speech stage, resolved from {@code [speech]} and
 * {@code [openai]}: the stage's own {@code stt_base_url}/{@code tts_base_url} with its
 * own key (empty: none, for a local server), or else {@code [openai]}'s URL and key. The
 * {@code [openai]} key is never sent to a stage's own server.
 *
 * @param baseUrl the server, e.g. {@code http://127.0.0.1:8000/v1}
 * @param apiKey its key; may be empty
 * @param model the model to ask for
 * @param voice the voice (text-to-speech only; empty for speech-to-text)
 * @param timeout limit for one call, retry included
 * @param configured whether the stage can be used: it has its own server or a key
 */
public record OpenAiSpeechSettings(String baseUrl, String apiKey, String model, String voice, Duration timeout,
		boolean configured) {

	public static OpenAiSpeechSettings speechToText(SpeechSettings speech, OpenAiSettings openAi) {
		return resolve(speech.sttBaseUrl(), speech.sttApiKey(), speech.sttModel(), "", speech, openAi);
	}

	public static OpenAiSpeechSettings textToSpeech(SpeechSettings speech, OpenAiSettings openAi) {
		return resolve(speech.ttsBaseUrl(), speech.ttsApiKey(), speech.openaiTtsModel(), speech.openaiTtsVoice(),
				speech, openAi);
	}

	private static OpenAiSpeechSettings resolve(String baseUrl, String apiKey, String model, String voice,
			SpeechSettings speech, OpenAiSettings openAi) {
		Duration timeout = Duration.ofSeconds(speech.timeoutSeconds());
		if (baseUrl.isBlank()) {
			return new OpenAiSpeechSettings(openAi.baseUrl(), openAi.apiKey(), model, voice, timeout,
					openAi.configured());
		}
		return new OpenAiSpeechSettings(baseUrl.strip(), apiKey.strip(), model, voice, timeout, true);
	}

	/** Where the stage's key comes from, for a start-up line that never shows it. */
	@Override
	public String toString() {
		return "OpenAiSpeechSettings[baseUrl=" + this.baseUrl + ", model=" + this.model + ", voice=" + this.voice
				+ ", key=" + (this.apiKey.isEmpty() ? "none" : "set") + "]";
	}

}

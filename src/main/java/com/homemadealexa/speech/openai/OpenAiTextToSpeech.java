package com.homemadealexa.speech.openai;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechSettings;
import com.homemadealexa.speech.TextToSpeech;

/**
 * Text-to-speech through OpenAI's {@code /audio/speech} (model
 * {@code speech.openai_tts_model}, voice {@code speech.openai_tts_voice}), asking for a
 * WAV (24 kHz) and converting it to 16 kHz mono. The model takes the language from the
 * text. Thread-safe.
 */
public class OpenAiTextToSpeech implements TextToSpeech, AutoCloseable {

	private final OpenAIClient client;

	private final String model;

	private final String voice;

	public OpenAiTextToSpeech(OpenAiSettings openAi, SpeechSettings speech) {
		this.client = OpenAiClients.create(openAi, Duration.ofSeconds(speech.timeoutSeconds()));
		this.model = speech.openaiTtsModel();
		this.voice = speech.openaiTtsVoice();
	}

	@Override
	public byte[] synthesize(String text, Locale locale, String utteranceId) {
		SpeechCreateParams params = SpeechCreateParams.builder()
			.model(this.model)
			.voice(this.voice)
			.input(text)
			.responseFormat(SpeechCreateParams.ResponseFormat.WAV)
			.build();
		byte[] audio;
		try (HttpResponse response = this.client.audio().speech().create(params)) {
			audio = response.body().readAllBytes();
		}
		catch (IOException ex) {
			throw new SpeechException("OpenAI text-to-speech broke off while sending audio: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw OpenAiClients.failure("OpenAI text-to-speech", ex);
		}
		try {
			return Wav.toSpeechWav(audio);
		}
		catch (InvalidAudioException ex) {
			throw new SpeechException("OpenAI text-to-speech answered something that is not a WAV: " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

}

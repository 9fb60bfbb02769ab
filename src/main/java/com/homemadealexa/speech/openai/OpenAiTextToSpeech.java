package com.homemadealexa.speech.openai;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.llm.ConnectionRetry;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.OpenAiSpeechSettings;
import com.homemadealexa.speech.TextToSpeech;

/**
 * Text-to-speech through OpenAI's {@code /audio/speech}, or any server that speaks it
 * (Kokoro-FastAPI, openedai-speech) via {@code speech.tts_base_url} (model
 * {@code speech.openai_tts_model}, voice {@code speech.openai_tts_voice}), asking for a
 * WAV (24 kHz) and converting it to 16 kHz mono. The model takes the language from the
 * text. Thread-safe.
 */
public class OpenAiTextToSpeech implements TextToSpeech, AutoCloseable {

	private final OpenAIClient client;

	private final String model;

	private final String voice;

	private final Duration timeout;

	public OpenAiTextToSpeech(OpenAiSpeechSettings settings) {
		this.client = OpenAiClients.create(settings);
		this.model = settings.model();
		this.voice = settings.voice();
		this.timeout = settings.timeout();
	}

	@Override
	public byte[] synthesize(String text, Locale locale) {
		SpeechCreateParams params = SpeechCreateParams.builder()
			.model(this.model)
			.voice(this.voice)
			.input(text)
			.responseFormat(SpeechCreateParams.ResponseFormat.WAV)
			.build();
		byte[] audio;
		try {
			audio = ConnectionRetry.call("OpenAI text-to-speech", this.timeout, (left) -> download(params, left),
					() -> true);
		}
		catch (SpeechException ex) {
			throw ex;
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

	private byte[] download(SpeechCreateParams params, Duration timeout) {
		try (HttpResponse response = this.client.audio()
			.speech()
			.create(params, RequestOptions.builder().timeout(timeout).build())) {
			return response.body().readAllBytes();
		}
		catch (IOException ex) {
			throw new SpeechException("OpenAI text-to-speech broke off while sending audio: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

}

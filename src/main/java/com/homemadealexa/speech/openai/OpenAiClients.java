package com.homemadealexa.speech.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;

import com.homemadealexa.llm.ConnectionRetry;
import com.homemadealexa.llm.OpenAiTransport;
import com.homemadealexa.speech.OpenAiSpeechSettings;
import com.homemadealexa.speech.SpeechException;

/**
 * Builds the OpenAI client for speech calls and turns its failures into
 * {@link SpeechException}s whose messages name the cause but never the key or the audio.
 */
final class OpenAiClients {

	/**
	 * Sent as the key to a local server that needs none: the client refuses to send a
	 * request without one, and such servers ignore it.
	 */
	static final String NO_KEY = "no-key";

	private OpenAiClients() {
	}

	/**
	 * No retries of the client's own: it would also repeat timeouts and server errors,
	 * which a waiting user cannot afford; {@link ConnectionRetry} repeats connection
	 * failures only.
	 */
	static OpenAIClient create(OpenAiSpeechSettings settings) {
		return OpenAIOkHttpClient.builder()
			.okHttpClient(OpenAiTransport.okHttpClient(settings.timeout()))
			.apiKey(settings.apiKey().isBlank() ? NO_KEY : settings.apiKey())
			.baseUrl(settings.baseUrl())
			.timeout(settings.timeout())
			.maxRetries(0)
			.build();
	}

	static SpeechException failure(String what, RuntimeException ex) {
		if (ex instanceof OpenAIServiceException service) {
			return new SpeechException(what + " failed: the server answered HTTP " + service.statusCode(), ex);
		}
		if (ex instanceof OpenAIIoException) {
			return new SpeechException(what + " is unreachable or timed out: " + rootMessage(ex), ex);
		}
		if (ex instanceof OpenAIInvalidDataException) {
			return new SpeechException(what + " answered something unusable: " + ex.getMessage(), ex);
		}
		return new SpeechException(what + " failed: " + rootMessage(ex), ex);
	}

	private static String rootMessage(Throwable ex) {
		return ConnectionRetry.rootMessage(ex);
	}

}

package com.homemadealexa.speech.azure;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.AzureSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.TextToSpeech;

/**
 * Text-to-speech through the Azure Speech REST API: {@code POST
 * https://{region}.tts.speech.microsoft.com/cognitiveservices/v1}, or
 * {@code {azure.endpoint}/cognitiveservices/v1} when an endpoint is set, or the container
 * at {@code azure.host} ({@code ws://} read as {@code http://}). Asks for
 * {@code riff-16khz-16bit-mono-pcm}, so the answer is already in the speech format (it is
 * still checked and normalised). Voice: {@code azure.voice}, else
 * {@code pl-PL-ZofiaNeural} for Polish and {@code en-US-JennyNeural} otherwise.
 * Thread-safe.
 */
public class AzureTextToSpeech implements TextToSpeech {

	static final String OUTPUT_FORMAT = "riff-16khz-16bit-mono-pcm";

	static final String USER_AGENT = "homemade-alexa-server";

	private static final MediaType SSML = MediaType.parseMediaType("application/ssml+xml");

	private final RestClient http;

	private final String url;

	private final String key;

	private final String voice;

	public AzureTextToSpeech(AzureSettings settings, Duration timeout) {
		this.url = url(settings);
		this.key = settings.speechKey();
		this.voice = settings.voice().strip();
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public byte[] synthesize(String text, Locale locale) {
		byte[] ssml = Ssml.of(text, locale, voice(locale)).getBytes(StandardCharsets.UTF_8);
		byte[] audio;
		try {
			audio = this.http.post().uri(this.url).headers((headers) -> {
				// A Speech container needs no key.
				if (!this.key.isBlank()) {
					headers.set("Ocp-Apim-Subscription-Key", this.key);
				}
			})
				.header("X-Microsoft-OutputFormat", OUTPUT_FORMAT)
				.header(HttpHeaders.USER_AGENT, USER_AGENT)
				.contentType(SSML)
				.body(ssml)
				.retrieve()
				.body(byte[].class);
		}
		catch (RestClientResponseException ex) {
			throw new SpeechException(
					"Azure text-to-speech failed: the server answered HTTP " + ex.getStatusCode().value(), ex);
		}
		catch (ResourceAccessException ex) {
			throw new SpeechException("Azure text-to-speech is unreachable or timed out: " + ex.getMessage(), ex);
		}
		catch (RestClientException ex) {
			throw new SpeechException("Azure text-to-speech failed: " + ex.getMessage(), ex);
		}
		if (audio == null || audio.length == 0) {
			throw new SpeechException("Azure text-to-speech answered no audio");
		}
		try {
			return Wav.toSpeechWav(audio);
		}
		catch (InvalidAudioException ex) {
			throw new SpeechException("Azure text-to-speech answered something that is not a WAV: " + ex.getMessage(),
					ex);
		}
	}

	String voice(Locale locale) {
		if (!this.voice.isEmpty()) {
			return this.voice;
		}
		return "pl".equals(locale.getLanguage()) ? "pl-PL-ZofiaNeural" : "en-US-JennyNeural";
	}

	static String url(AzureSettings settings) {
		String endpoint = settings.endpoint().strip().replaceAll("/+$", "");
		if (endpoint.isEmpty() && !settings.host().isBlank()) {
			// A Speech container serves its REST API on the same port as its WebSocket.
			endpoint = settings.host().strip().replaceAll("/+$", "").replaceFirst("^ws", "http");
		}
		String base = endpoint.isEmpty() ? "https://" + settings.region().strip() + ".tts.speech.microsoft.com"
				: endpoint;
		return base + "/cognitiveservices/v1";
	}

}

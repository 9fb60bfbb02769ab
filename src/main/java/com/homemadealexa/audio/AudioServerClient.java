package com.homemadealexa.audio;

import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The audio server over HTTP: {@code POST {url}/api/play} with the WAV as body and
 * {@code POST {url}/api/abort}. Each call is limited by
 * {@code audio_server.timeout_seconds}. Without {@code audio_server.url} nothing is sent
 * and every call answers {@code false}.
 */
@Component
class AudioServerClient implements AudioOutput {

	private static final Logger log = LoggerFactory.getLogger(AudioServerClient.class);

	private static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

	private final @Nullable RestClient http;

	private final String url;

	AudioServerClient(AudioServerSettings settings) {
		this.url = settings.url().strip().replaceAll("/+$", "");
		if (!settings.configured()) {
			log.info("No audio server configured (audio_server.url is empty): replies are not played on a speaker");
			this.http = null;
			return;
		}
		Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().baseUrl(this.url).requestFactory(requests).build();
	}

	@Override
	public boolean play(byte[] wav) {
		return send("/api/play", wav);
	}

	@Override
	public boolean abort() {
		return send("/api/abort", null);
	}

	private boolean send(String path, byte @Nullable [] wav) {
		RestClient http = this.http;
		if (http == null) {
			return false;
		}
		try {
			RestClient.RequestBodySpec request = http.post().uri(path);
			if (wav != null) {
				request.contentType(AUDIO_WAV).body(wav);
			}
			request.retrieve().toBodilessEntity();
			return true;
		}
		catch (RestClientResponseException ex) {
			log.warn("Audio server {} refused {}: HTTP {}", this.url, path, ex.getStatusCode().value());
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Audio server {} failed on {}: {}", this.url, path, ex.getMessage());
			return false;
		}
	}

}

package com.homemadealexa.weather;

import java.net.http.HttpClient;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP part shared by the weather services: a GET with timeouts whose failures become
 * {@link WeatherUnavailableException} with a message free of secrets.
 */
final class WeatherHttp {

	private final RestClient http;

	private final JsonMapper json;

	private final String service;

	private final String secret;

	/**
	 * @param service name of the service, for messages
	 * @param secret a value (API key) that must never appear in a message; empty if none
	 */
	WeatherHttp(Duration timeout, JsonMapper json, String service, String secret) {
		// HTTP/1.1: a single small GET gains nothing from HTTP/2, and the JDK's cleartext
		// h2c
		// upgrade trips over some servers.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
		this.json = json;
		this.service = service;
		this.secret = secret;
	}

	/**
	 * @return the answer's JSON read into {@code type}
	 */
	<T> T get(Class<T> type, String uriTemplate, Object... variables) {
		String body;
		try {
			body = this.http.get().uri(uriTemplate, variables).retrieve().body(String.class);
		}
		catch (RestClientException ex) {
			throw unavailable("failed: " + ex.getMessage());
		}
		if (body == null || body.isBlank()) {
			throw unavailable("answered with an empty body");
		}
		try {
			return this.json.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw unavailable("answered something that is not its JSON: " + ex.getOriginalMessage());
		}
	}

	WeatherUnavailableException unavailable(String problem) {
		String message = this.service + " " + problem;
		return new WeatherUnavailableException(this.secret.isEmpty() ? message : message.replace(this.secret, "***"));
	}

}

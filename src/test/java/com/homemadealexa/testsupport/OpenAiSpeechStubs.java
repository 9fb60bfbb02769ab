package com.homemadealexa.testsupport;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stubs of OpenAI's audio endpoints on a {@link WireMockServer}, speaking the real wire
 * format: {@code POST /v1/audio/transcriptions} (multipart in, {@code {"text": ...}} out)
 * and {@code POST /v1/audio/speech} (JSON in, audio out). Point {@code openai.base-url}
 * at {@link #baseUrl(WireMockServer)}.
 */
public final class OpenAiSpeechStubs {

	public static final String TRANSCRIPTIONS_PATH = "/v1/audio/transcriptions";

	public static final String SPEECH_PATH = "/v1/audio/speech";

	/** How a stubbed endpoint misbehaves. */
	public enum Failure {

		/** HTTP 500 with an OpenAI-style error body. */
		SERVER_ERROR,
		/** HTTP 200 whose body is not JSON (for speech: not audio). */
		GARBAGE,
		/** The connection is reset before any answer. */
		CONNECTION_RESET

	}

	private OpenAiSpeechStubs() {
	}

	/** {@code http://127.0.0.1:<port>/v1}, the value for {@code openai.base-url}. */
	public static String baseUrl(WireMockServer server) {
		return LoopbackWireMock.url(server) + "/v1";
	}

	public static void transcriptionReturns(WireMockServer server, String text) {
		transcriptionReturns(server, text, Duration.ZERO);
	}

	public static void transcriptionReturns(WireMockServer server, String text, Duration delay) {
		server.stubFor(post(urlPathEqualTo(TRANSCRIPTIONS_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Json.write(Map.of("text", text)))
			.withFixedDelay((int) delay.toMillis())));
	}

	public static void transcriptionFails(WireMockServer server, Failure failure) {
		server.stubFor(post(urlPathEqualTo(TRANSCRIPTIONS_PATH)).willReturn(failing(failure)));
	}

	/** Answers with this audio (normally a WAV) as {@code audio/wav}. */
	public static void speechReturns(WireMockServer server, byte[] audio) {
		speechReturns(server, audio, Duration.ZERO);
	}

	public static void speechReturns(WireMockServer server, byte[] audio, Duration delay) {
		server.stubFor(post(urlPathEqualTo(SPEECH_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "audio/wav")
			.withBody(audio)
			.withFixedDelay((int) delay.toMillis())));
	}

	public static void speechFails(WireMockServer server, Failure failure) {
		server.stubFor(post(urlPathEqualTo(SPEECH_PATH)).willReturn(failing(failure)));
	}

	private static ResponseDefinitionBuilder failing(Failure failure) {
		return switch (failure) {
			case SERVER_ERROR -> aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}");
			case GARBAGE -> aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("<html>this is not what you asked for</html>");
			case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
		};
	}

}

package com.homemadealexa.testsupport;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stubs of the Azure text-to-speech REST endpoint ({@code POST /cognitiveservices/v1},
 * SSML in, RIFF WAV out) on a {@link WireMockServer}. Point {@code azure.endpoint} at
 * {@link #endpoint(WireMockServer)}.
 */
public final class AzureTtsStubs {

	public static final String PATH = "/cognitiveservices/v1";

	private AzureTtsStubs() {
	}

	/** {@code http://127.0.0.1:<port>}, the value for {@code azure.endpoint}. */
	public static String endpoint(WireMockServer server) {
		return LoopbackWireMock.url(server);
	}

	/** Answers with a 16 kHz mono tone of the given length, like Azure would. */
	public static void speechReturnsTone(WireMockServer server, int millis) {
		speechReturns(server, TestWavs.speech(millis));
	}

	public static void speechReturns(WireMockServer server, byte[] wav) {
		speechReturns(server, wav, Duration.ZERO);
	}

	public static void speechReturns(WireMockServer server, byte[] wav, Duration delay) {
		server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "audio/x-wav")
			.withBody(wav)
			.withFixedDelay((int) delay.toMillis())));
	}

	/** Answers with this HTTP status and no audio (401 for a bad key, 429, 500, ...). */
	public static void speechFails(WireMockServer server, int status) {
		server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)));
	}

	/** Resets the connection before any answer. */
	public static void speechResetsConnection(WireMockServer server) {
		server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

}

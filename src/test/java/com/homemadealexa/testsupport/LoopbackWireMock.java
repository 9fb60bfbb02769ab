package com.homemadealexa.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock servers bound to 127.0.0.1 on a free port, for faking cloud APIs at the
 * network boundary.
 */
public final class LoopbackWireMock {

	private LoopbackWireMock() {
	}

	/** A started server; stop it after the tests. */
	public static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		return server;
	}

	/** {@code http://127.0.0.1:<port>} */
	public static String url(WireMockServer server) {
		return "http://127.0.0.1:" + server.port();
	}

}

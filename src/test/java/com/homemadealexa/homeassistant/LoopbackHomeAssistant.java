package com.homemadealexa.homeassistant;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.homemadealexa.testsupport.LoopbackWireMock;

/**
 * A loopback Home Assistant for the tests of one class, registered as a static
 * {@code @RegisterExtension} field: a WireMock server started before the class's tests
 * and stopped after them, and before each test reset to the sample home's answers
 * ({@link HomeAssistantStubs#home()}), before the class's own {@code @BeforeEach} methods
 * run.
 */
final class LoopbackHomeAssistant implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private @Nullable WireMockServer server;

	private @Nullable HomeAssistantStubs stubs;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = LoopbackWireMock.start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().resetAll();
		this.stubs = new HomeAssistantStubs(server());
		this.stubs.home();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		server().stop();
	}

	WireMockServer server() {
		if (this.server == null) {
			throw new IllegalStateException("LoopbackHomeAssistant must be a static @RegisterExtension field");
		}
		return this.server;
	}

	HomeAssistantStubs stubs() {
		if (this.stubs == null) {
			throw new IllegalStateException("stubs() is for tests: they are set before each one");
		}
		return this.stubs;
	}

	/** The base URL, without a trailing slash. */
	String url() {
		return LoopbackWireMock.url(server());
	}

}

package com.homemadealexa.auth;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginFilterTest {

	private final SameOriginFilter filter = new SameOriginFilter(LanOnlyFilter.LAN_ONLY,
			ServerNames.of(List.of("alexa.lan"), ""), new SecurityProblems(JsonMapper.builder().build()));

	@Test
	void letsDevicesAndCurlThroughWithoutOrigin() throws Exception {
		assertThat(status(request("POST", "/api/internal/ota", "192.168.0.144:8080", null))).isEqualTo(200);
		assertThat(status(request("GET", "/firmware/box.bin", "192.168.0.144", null))).isEqualTo(200);
		assertThat(status(upgrade("/ws/internal", "192.168.0.144:8080", null))).isEqualTo(200);
	}

	@Test
	void letsTheConsoleThroughFromItsOwnOrigin() throws Exception {
		assertThat(status(request("POST", "/api/internal/restart", "192.168.0.144:8080", "http://192.168.0.144:8080")))
			.isEqualTo(200);
		assertThat(status(request("DELETE", "/api/internal/reminders/x", "alexa.lan", "http://alexa.lan")))
			.isEqualTo(200);
		assertThat(status(request("POST", "/api/internal/listen", "alexa.lan:80", "http://ALEXA.lan"))).isEqualTo(200);
	}

	@Test
	void refusesStateChangesFromAnotherOrigin() throws Exception {
		for (String origin : List.of("http://evil.example", "http://192.168.0.144:8123", "https://192.168.0.144:8080",
				"http://192.168.0.144", "null", "http://192.168.0.144:8080/path", "not a url")) {
			for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
				MockHttpServletResponse response = run(
						request(method, "/api/internal/ota", "192.168.0.144:8080", origin));
				assertThat(response.getStatus()).as("%s from %s", method, origin).isEqualTo(403);
				assertThat(response.getContentType()).startsWith("application/problem+json");
			}
		}
	}

	@Test
	void refusesWebSocketUpgradesFromAnotherOrigin() throws Exception {
		assertThat(status(upgrade("/ws/internal", "192.168.0.144:8080", "http://evil.example"))).isEqualTo(403);
		assertThat(status(upgrade("/ws", "192.168.0.144:8080", "http://evil.example"))).isEqualTo(403);
		assertThat(status(upgrade("/ws/internal", "192.168.0.144:8080", "http://192.168.0.144:8080"))).isEqualTo(200);
	}

	@Test
	void refusesABrowsersCrossSiteWriteEvenWithoutOrigin() throws Exception {
		MockHttpServletRequest request = request("POST", "/api/internal/abort", "192.168.0.144:8080", null);
		request.addHeader("Sec-Fetch-Site", "cross-site");
		assertThat(status(request)).isEqualTo(403);
	}

	@Test
	void refusesForeignHostNamesEvenForReads() throws Exception {
		assertThat(status(request("GET", "/api/internal/utterances", "evil.example:8080", null))).isEqualTo(403);
		assertThat(status(request("GET", "/console/", "evil.example", null))).isEqualTo(403);
		assertThat(status(request("GET", "/api/internal/utterances", "alexa.lan:8080", null))).isEqualTo(200);
	}

	@Test
	void leavesThePublicRoutesToTheirToken() throws Exception {
		assertThat(status(request("POST", "/api/public/auth/login", "backend.vpn:8080", "https://your.domain")))
			.isEqualTo(200);
		assertThat(status(upgrade("/ws/public", "backend.vpn:8080", "https://your.domain"))).isEqualTo(200);
		assertThat(status(request("GET", "/alexa/", "backend.vpn:8080", null))).isEqualTo(200);
	}

	@Test
	void readsFromAnotherOriginAreLeftToTheBrowsersSameOriginPolicy() throws Exception {
		assertThat(status(request("GET", "/api/internal/status", "192.168.0.144:8080", "http://evil.example")))
			.isEqualTo(200);
	}

	private static MockHttpServletRequest request(String method, String path, String host, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Host", host);
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		return request;
	}

	private static MockHttpServletRequest upgrade(String path, String host, String origin) {
		MockHttpServletRequest request = request("GET", path, host, origin);
		request.addHeader("Upgrade", "websocket");
		request.addHeader("Connection", "Upgrade");
		return request;
	}

	private int status(MockHttpServletRequest request) throws Exception {
		return run(request).getStatus();
	}

	private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}

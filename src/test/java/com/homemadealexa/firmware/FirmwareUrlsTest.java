package com.homemadealexa.firmware;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.homemadealexa.config.ServerSettings;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class FirmwareUrlsTest {

	@Test
	void usesServeUrlWhenSet() {
		MockHttpServletRequest request = requestOn("10.0.0.5", 8080);
		request.addHeader("X-Forwarded-Host", "ignored.example");

		assertThat(urls("http://192.168.1.10:8080/").otaUrl("box-1.2.bin", request))
			.isEqualTo("http://192.168.1.10:8080/firmware/box-1.2.bin");
	}

	@Test
	void usesTheLocalAddressAndPortWithoutServeUrl() {
		assertThat(urls("").otaUrl("box.bin", requestOn("192.168.1.10", 8080)))
			.isEqualTo("http://192.168.1.10:8080/firmware/box.bin");
		assertThat(urls("").otaUrl("box.bin", requestOn("fe80::1", 8080)))
			.isEqualTo("http://[fe80::1]:8080/firmware/box.bin");
	}

	@Test
	void prefersForwardedHeaders() {
		MockHttpServletRequest request = requestOn("127.0.0.1", 8080);
		request.addHeader("X-Forwarded-Proto", "https, http");
		request.addHeader("X-Forwarded-Host", "alexa.home.lan:9443, proxy.local");
		assertThat(urls("").otaUrl("box.bin", request)).isEqualTo("https://alexa.home.lan:9443/firmware/box.bin");

		MockHttpServletRequest withoutHost = requestOn("192.168.1.10", 8080);
		withoutHost.addHeader("X-Forwarded-Port", "80");
		assertThat(urls("").otaUrl("box.bin", withoutHost)).isEqualTo("http://192.168.1.10:80/firmware/box.bin");

		MockHttpServletRequest hostOnly = requestOn("192.168.1.10", 8080);
		hostOnly.addHeader("X-Forwarded-Host", "alexa.home.lan");
		assertThat(urls("").otaUrl("box.bin", hostOnly)).isEqualTo("http://alexa.home.lan/firmware/box.bin");
	}

	private static FirmwareUrls urls(String serveUrl) {
		return new FirmwareUrls(new ServerSettings("0.0.0.0", 8080, serveUrl, List.of(), List.of(), List.of()));
	}

	private static MockHttpServletRequest requestOn(String localAddress, int localPort) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/internal/ota");
		request.setLocalAddr(localAddress);
		request.setLocalPort(localPort);
		return request;
	}

}

package com.homemadealexa.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTest {

	private final TrustedProxies proxies = new TrustedProxies(TrustedNetworks.parse(List.of("10.8.0.1/32")));

	@Test
	void believesForwardedForOnlyFromTheProxy() {
		assertThat(this.proxies.clientOf("10.8.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(this.proxies.clientOf("192.168.1.20", "203.0.113.7")).as("any other LAN host")
			.isEqualTo("192.168.1.20");
		assertThat(this.proxies.clientOf("10.8.0.1", null)).isEqualTo("10.8.0.1");
	}

	@Test
	void takesTheAddressTheProxyAppended() {
		assertThat(this.proxies.clientOf("10.8.0.1", "1.2.3.4, 203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(this.proxies.clientOf("10.8.0.1", "203.0.113.7, not-an-address")).isEqualTo("10.8.0.1");
	}

}

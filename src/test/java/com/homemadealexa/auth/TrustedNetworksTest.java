package com.homemadealexa.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.homemadealexa.config.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TrustedNetworksTest {

	private final TrustedNetworks networks = TrustedNetworks
		.parse(List.of("127.0.0.0/8", "192.168.1.0/24", "10.1.2.3", "fc00::/7", "::1/128", "172.16.0.0/12"));

	@Test
	void acceptsAddressesInsideTheNetworks() {
		assertThat(this.networks.contains("127.0.0.1")).isTrue();
		assertThat(this.networks.contains("192.168.1.254")).isTrue();
		assertThat(this.networks.contains("10.1.2.3")).isTrue();
		assertThat(this.networks.contains("172.31.255.1")).isTrue();
		assertThat(this.networks.contains("fd12:3456::1")).isTrue();
		assertThat(this.networks.contains("0:0:0:0:0:0:0:1")).isTrue();
	}

	@Test
	void refusesAddressesOutsideTheNetworks() {
		assertThat(this.networks.contains("192.168.2.1")).isFalse();
		assertThat(this.networks.contains("10.1.2.4")).isFalse();
		assertThat(this.networks.contains("172.32.0.1")).isFalse();
		assertThat(this.networks.contains("8.8.8.8")).isFalse();
		assertThat(this.networks.contains("2001:db8::1")).isFalse();
	}

	@Test
	void treatsIpv4MappedIpv6AsIpv4() {
		assertThat(this.networks.contains("::ffff:192.168.1.7")).isTrue();
		assertThat(this.networks.contains("::ffff:8.8.8.8")).isFalse();
	}

	@Test
	void refusesWhatIsNotAnIpLiteral() {
		assertThat(this.networks.contains("localhost")).isFalse();
		assertThat(this.networks.contains("")).isFalse();
		assertThat(this.networks.contains("300.1.1.1")).isFalse();
	}

	@Test
	void acceptsCommaSeparatedEntriesFromTheEnvironment() {
		TrustedNetworks fromEnvironment = TrustedNetworks.parse(List.of("10.0.0.0/8, 192.168.0.0/16"));
		assertThat(fromEnvironment.contains("192.168.5.5")).isTrue();
		assertThat(fromEnvironment.contains("127.0.0.1")).isFalse();
	}

	@Test
	void zeroPrefixTrustsEverything() {
		assertThat(TrustedNetworks.parse(List.of("0.0.0.0/0")).contains("8.8.8.8")).isTrue();
	}

	@Test
	void rejectsAHostNameInOneLineNamingTheKey() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> TrustedNetworks.parse(List.of("127.0.0.0/8", "router.lan/24")))
			.withMessageContaining("[server] trusted_networks")
			.withMessageContaining("router.lan/24")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void rejectsAPrefixTooLongForTheAddress() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> TrustedNetworks.parse(List.of("10.0.0.0/33")))
			.withMessageContaining("[server] trusted_networks")
			.withMessageContaining("between 0 and 32");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> TrustedNetworks.parse(List.of("10.0.0.0/x")));
	}

}

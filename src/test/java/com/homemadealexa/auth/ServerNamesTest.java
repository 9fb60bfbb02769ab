package com.homemadealexa.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.homemadealexa.config.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServerNamesTest {

	private final ServerNames names = ServerNames.of(List.of("localhost", "Alexa.LAN"), "http://firmware.lan:8080");

	@Test
	void acceptsIpLiteralsWithAndWithoutPort() {
		// The firmware's WebSocket and upload send host:port; its OTA download the bare
		// host.
		assertThat(this.names.accepts("192.168.0.144:8080")).isTrue();
		assertThat(this.names.accepts("192.168.0.144")).isTrue();
		assertThat(this.names.accepts("[::1]:8080")).isTrue();
		assertThat(this.names.accepts("[fe80::1%25eth0]")).isTrue();
		assertThat(this.names.accepts(null)).as("HTTP/1.0 without Host").isTrue();
	}

	@Test
	void acceptsTheServersOwnAndConfiguredNames() {
		assertThat(this.names.accepts("localhost:8080")).isTrue();
		assertThat(this.names.accepts("alexa.lan:8080")).isTrue();
		assertThat(this.names.accepts("ALEXA.lan.")).isTrue();
		assertThat(this.names.accepts("firmware.lan")).as("the host of serve_url").isTrue();
	}

	@Test
	void refusesAnyOtherName() {
		assertThat(this.names.accepts("evil.example")).isFalse();
		assertThat(this.names.accepts("evil.example:8080")).isFalse();
		assertThat(this.names.accepts("alexa.lan.evil.example")).isFalse();
		assertThat(this.names.accepts("192.168.0.144.evil.example")).isFalse();
		assertThat(this.names.accepts("")).isFalse();
	}

	@Test
	void aStarAcceptsEveryName() {
		assertThat(ServerNames.of(List.of("*"), "").accepts("evil.example")).isTrue();
	}

	@Test
	void refusesAnEntryThatIsNotAHostName() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ServerNames.of(List.of("http://alexa.lan:8080/"), ""))
			.withMessageContaining("[server] host_names (SERVER_HOST_NAMES)")
			.withMessageContaining("http://alexa.lan:8080/");
	}

}

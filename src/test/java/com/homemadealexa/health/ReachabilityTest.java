package com.homemadealexa.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityTest {

	@Test
	void aListeningPortIsReachableAndAClosedOneIsNot() throws IOException {
		Reachability reachability = new Reachability();
		try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThat(reachability.reachable(new Reachability.Target("127.0.0.1", open.getLocalPort()))).isTrue();
		}
		assertThat(reachability.reachable(new Reachability.Target("127.0.0.1", closedPort()))).isFalse();
	}

	@Test
	void theOutcomeIsRememberedSoProbesDoNotConnectEachTime() throws IOException {
		Reachability reachability = new Reachability();
		Reachability.Target target;
		try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			target = new Reachability.Target("127.0.0.1", open.getLocalPort());
			assertThat(reachability.reachable(target)).isTrue();
		}
		// The port is closed now; within the cache time the last outcome still stands.
		assertThat(reachability.reachable(target)).isTrue();
		assertThat(new Reachability().reachable(target)).isFalse();
	}

	@Test
	void urlsGiveTheirHostAndPortWithTheSchemesDefault() {
		assertThat(Reachability.Target.ofUrl("https://api.openai.com/v1"))
			.isEqualTo(new Reachability.Target("api.openai.com", 443));
		assertThat(Reachability.Target.ofUrl("http://192.168.1.20:1234")).hasToString("192.168.1.20:1234");
		assertThat(Reachability.Target.ofUrl("tcp://broker.lan")).hasToString("broker.lan:1883");
		assertThat(Reachability.Target.ofUrl("ssl://user:secret@broker.lan:8883")).hasToString("broker.lan:8883");
		assertThat(Reachability.Target.ofUrl("http://[::1]:8080/")).hasToString("[::1]:8080");
		assertThat(Reachability.Target.ofUrl("not a url")).isNull();
		assertThat(Reachability.Target.ofUrl("gopher://host")).isNull();
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

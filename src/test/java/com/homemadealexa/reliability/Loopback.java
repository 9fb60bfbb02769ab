package com.homemadealexa.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses and HTTP clients on the loopback network. Linux routes all of 127.0.0.0/8 to
 * the loopback interface, so a client bound to 127.0.0.{n} looks to the server like a
 * separate machine: its own device turn, its own trusted-network decision.
 */
final class Loopback {

	private static final Map<Integer, HttpClient> clients = new ConcurrentHashMap<>();

	private Loopback() {
	}

	/** {@code 127.0.0.{host}} */
	static InetAddress address(int host) {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) host });
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A shared HTTP client whose connections start from {@code 127.0.0.{host}}. */
	static HttpClient client(int host) {
		return clients.computeIfAbsent(host,
				(key) -> HttpClient.newBuilder()
					.localAddress(address(key))
					.connectTimeout(Duration.ofSeconds(5))
					.build());
	}

	static URI uri(int port, String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + port + pathAndQuery);
	}

	/** A port that nothing listens on right now. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

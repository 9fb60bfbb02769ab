package com.homemadealexa.llm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiTransportTest {

	private final OkHttpClient client = OpenAiTransport.okHttpClient(Duration.ofSeconds(7));

	@Test
	void everySocketSendsAtOnce() throws IOException {
		try (ServerSocket provider = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket unconnected = this.client.socketFactory().createSocket();
				Socket connected = this.client.socketFactory()
					.createSocket(InetAddress.getLoopbackAddress(), provider.getLocalPort())) {
			assertThat(unconnected.getTcpNoDelay()).isTrue();
			assertThat(connected.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void theCallsTimeLimitIsTheClients() {
		assertThat(this.client.callTimeoutMillis()).isEqualTo(7000);
		assertThat(this.client.readTimeoutMillis()).isEqualTo(7000);
		assertThat(this.client.connectTimeoutMillis()).isEqualTo(7000);
	}

}

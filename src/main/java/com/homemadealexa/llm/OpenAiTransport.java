package com.homemadealexa.llm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import javax.net.SocketFactory;

import okhttp3.OkHttpClient;

/**
 * The HTTP transport under every openai-java client (chat, speech-to-text,
 * text-to-speech): an {@link OkHttpClient} whose sockets send at once
 * ({@code TCP_NODELAY}).
 *
 * <p>
 * okhttp leaves Nagle's algorithm on, and its buffered sink writes a request in 8 KiB
 * segments. A request larger than one segment (the speech upload, a chat request with its
 * history and tools) then ends in a small write that the kernel holds back until the
 * provider acknowledges the previous one, and a provider on a kept-alive connection
 * delays that acknowledgement (40 ms on Linux): up to 40 ms per request, measured as
 * server overhead in the device flow (docs/performance.md, section 5). The client's other
 * settings are okhttp's defaults, which are what openai-java's own builder uses; the SDK
 * adds its interceptors, turns okhttp's connection retries off and applies each request's
 * time limit.
 */
public final class OpenAiTransport {

	private OpenAiTransport() {
	}

	/**
	 * @param timeout the time limit of a whole call (and of connecting, reading and
	 * writing)
	 */
	public static OkHttpClient okHttpClient(Duration timeout) {
		return new OkHttpClient.Builder().socketFactory(new NoDelaySockets())
			.connectTimeout(timeout)
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.callTimeout(timeout)
			.build();
	}

	/** Plain sockets with {@code TCP_NODELAY} on. */
	static final class NoDelaySockets extends SocketFactory {

		@Override
		public Socket createSocket() throws IOException {
			return noDelay(new Socket());
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return noDelay(new Socket(host, port, localHost, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return noDelay(new Socket(address, port, localAddress, localPort));
		}

		private static Socket noDelay(Socket socket) throws IOException {
			socket.setTcpNoDelay(true);
			return socket;
		}

	}

}

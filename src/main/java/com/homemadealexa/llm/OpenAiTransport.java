package com.homemadealexa.llm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import javax.net.SocketFactory;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
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
 * server overhead in the device flow (docs/performance.md, section 5).
 *
 * <p>
 * When a call fails on its connection, the pool's other idle connections are closed too
 * ({@link EvictIdleOnConnectionFailure}). The SDK applies each request's time limit and
 * adds its interceptors; okhttp's own retry of a failed connection stays on, but it
 * cannot repeat a body that is read once (the speech-to-text upload), so that call's one
 * second chance is {@link ConnectionRetry}'s, and it must get a fresh connection. The
 * client's other settings are okhttp's defaults.
 */
public final class OpenAiTransport {

	private OpenAiTransport() {
	}

	/**
	 * @param timeout the time limit of a whole call (and of connecting, reading and
	 * writing)
	 */
	public static OkHttpClient okHttpClient(Duration timeout) {
		ConnectionPool pool = new ConnectionPool();
		return new OkHttpClient.Builder().socketFactory(new NoDelaySockets())
			.connectionPool(pool)
			.eventListener(new EvictIdleOnConnectionFailure(pool))
			.connectTimeout(timeout)
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.callTimeout(timeout)
			.build();
	}

	/**
	 * Closes the pool's idle connections when a call fails on its connection (refused,
	 * reset, closed before answering; not a timeout). A provider closes kept-alive
	 * connections that have been idle for a while, and the connections that went idle
	 * together are closed together: after one of them failed, the next in the pool would
	 * most likely fail the retry too (a speech-to-text call and its retry both failed so
	 * in a benchmark, docs/performance.md section 9). okhttp checks an idle connection
	 * before reusing it, but not one the provider closes a moment later. Connections in
	 * use are not touched.
	 */
	static final class EvictIdleOnConnectionFailure extends EventListener {

		private final ConnectionPool pool;

		EvictIdleOnConnectionFailure(ConnectionPool pool) {
			this.pool = pool;
		}

		@Override
		public void callFailed(Call call, IOException failure) {
			if (ConnectionRetry.isConnectionFailure(failure)) {
				this.pool.evictAll();
			}
		}

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

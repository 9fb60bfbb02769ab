package com.homemadealexa.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
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

	@Test
	void aRetryAfterAProviderClosedItsKeptAliveConnectionsConnectsAfresh() throws Exception {
		try (KeptAliveProvider provider = new KeptAliveProvider(2);
				ExecutorService callers = Executors.newFixedThreadPool(2)) {
			// Two calls at once leave two kept-alive connections in the pool.
			List<Future<Integer>> first = List.of(callers.submit(() -> upload(provider)),
					callers.submit(() -> upload(provider)));
			for (Future<Integer> call : first) {
				assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
			}
			assertThat(provider.accepted()).isEqualTo(2);
			// The provider closed both for idleness, each just as it is used again.
			provider.closeOpenConnectionsOnTheirNextRequest();

			// An upload is read once, so okhttp cannot repeat it: the retry is
			// ConnectionRetry's, and it must not take the other closed connection.
			int status = ConnectionRetry.call("the test provider", Duration.ofSeconds(10), (left) -> upload(provider),
					() -> true);

			assertThat(status).isEqualTo(200);
			assertThat(provider.accepted()).isEqualTo(3);
		}
	}

	private int upload(KeptAliveProvider provider) {
		Request request = new Request.Builder().url(provider.url()).post(new ReadOnce("audio")).build();
		try (Response response = this.client.newCall(request).execute()) {
			return response.code();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A body okhttp may send only once, like openai-java's multipart upload of a stream.
	 */
	private static final class ReadOnce extends RequestBody {

		private final byte[] bytes;

		ReadOnce(String text) {
			this.bytes = text.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public MediaType contentType() {
			return MediaType.get("application/octet-stream");
		}

		@Override
		public long contentLength() {
			return this.bytes.length;
		}

		@Override
		public boolean isOneShot() {
			return true;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			sink.write(this.bytes);
		}

	}

	/**
	 * An HTTP/1.1 provider on loopback that keeps connections alive. Its first
	 * {@code together} requests are answered only once all of them have arrived, so they
	 * come on as many connections; the connections open when
	 * {@link #closeOpenConnectionsOnTheirNextRequest} is called are closed when their
	 * next request has been read, without an answer.
	 */
	private static final class KeptAliveProvider implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

		private final List<Socket> open = new CopyOnWriteArrayList<>();

		private final Set<Socket> closing = ConcurrentHashMap.newKeySet();

		private final AtomicInteger accepted = new AtomicInteger();

		private final CountDownLatch together;

		KeptAliveProvider(int together) throws IOException {
			this.together = new CountDownLatch(together);
			this.connections.execute(this::accept);
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getLocalPort() + "/v1/audio/transcriptions";
		}

		int accepted() {
			return this.accepted.get();
		}

		void closeOpenConnectionsOnTheirNextRequest() {
			this.closing.addAll(this.open);
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					this.accepted.incrementAndGet();
					this.open.add(socket);
					this.connections.execute(() -> serve(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket) {
			try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
				while (readRequest(in)) {
					if (this.closing.contains(socket)) {
						return;
					}
					this.together.countDown();
					if (!this.together.await(10, TimeUnit.SECONDS)) {
						return;
					}
					out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException ex) {
				// The client went away.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.open.remove(socket);
			}
		}

		/** Reads one request's head and its Content-Length body; false at the end. */
		private static boolean readRequest(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int next = in.read();
				if (next < 0) {
					return false;
				}
				head.append((char) next);
			}
			int length = 0;
			for (String line : head.toString().split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					length = Integer.parseInt(line.substring("content-length:".length()).strip());
				}
			}
			return in.readNBytes(length).length == length;
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.open) {
				socket.close();
			}
			this.connections.shutdownNow();
		}

	}

}

package com.homemadealexa.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;

/**
 * The HTTP transport under every openai-java client (chat, speech-to-text,
 * text-to-speech): openai-java's {@link HttpClient} over the JDK's
 * {@link java.net.http.HttpClient}, instead of openai-java's okhttp transport.
 *
 * <p>
 * openai-java's okhttp transport builds a new {@code OkHttpClient} for every request (to
 * apply the request's time limits), and every connection handed back to okhttp's pool
 * schedules a clean-up under okhttp's one global {@code TaskRunner} lock, which
 * concurrent calls contend for: together about 30 % of the server's request CPU
 * (docs/performance.md). okhttp also leaves {@code TCP_NODELAY} off, which cost up to 40
 * ms per request. The JDK client sets {@code TCP_NODELAY} on every socket it opens
 * ({@code PlainHttpConnection}), takes its time limit and HTTP version per request, and
 * needs nothing built per call.
 *
 * <p>
 * One JDK client serves every openai-java client of the process: one selector thread and
 * one connection pool instead of one per provider. Pooled connections are kept per host
 * and port, so providers don't share them, and nothing a client sets (redirects, proxy)
 * differs between them. It has no connect timeout of its own: that would be one figure
 * for every provider, and the request's time limit already covers connecting.
 *
 * <ul>
 * <li>A plain {@code http://} URL (a local server, the test fakes) is asked in HTTP/1.1,
 * or the JDK client would send an h2c {@code Upgrade} header; {@code https://} negotiates
 * HTTP/2 where the server offers it (OpenAI does).
 * <li>The call's time limit ({@code RequestOptions.timeout().request()}, as okhttp's call
 * timeout) covers connecting, sending and the response's headers (the JDK's request
 * timeout) and then the rest of the body ({@link DeadlineBody}): a provider that stalls
 * mid-answer fails at the same deadline.
 * <li>The body is streamed ({@code BodyHandlers.ofInputStream}), so a chat answer is read
 * while it is being written; closing the response before the end cancels the exchange
 * (the connection is closed, not pooled).
 * <li>A failure to send or to get the headers is an {@link OpenAIIoException} whose cause
 * is the JDK's exception, as openai-java's okhttp transport does it:
 * {@link ConnectionRetry} then finds the {@code ConnectException} of a refused
 * connection, the {@code SocketException} of a reset and the {@code EOFException} of a
 * pooled connection the server had closed; the JDK's {@code HttpTimeoutException} is not
 * one of them.
 * <li>The request body is written into memory first and sent with its length: openai-java
 * writes bodies into an {@code OutputStream} and the JDK client reads them from a
 * publisher, and the bodies are small and already in memory (a chat request, one
 * utterance's WAV), so a copy is simpler and cheaper than a pipe with a thread.
 * <li>Redirects are not followed: the key goes to the configured server only.
 * </ul>
 * Thread-safe.
 */
public final class OpenAiTransport implements HttpClient {

	/**
	 * Larger request bodies are refused. A safety net only: the largest body is the
	 * speech upload, which {@code audio.max_seconds} limits to a few MB.
	 */
	static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

	/** Headers the JDK client sets itself and refuses from callers. */
	private static final Set<String> RESTRICTED = restricted();

	private static final java.net.http.HttpClient JDK = jdkClient();

	private final Duration timeout;

	private volatile boolean closed;

	private OpenAiTransport(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * An openai-java client on this transport, set up as openai-java's own builder sets
	 * it up ({@code ClientOptions} supplies the JSON mapper, clock and stream executor).
	 * No retries of the client's own: it would also repeat timeouts and server errors,
	 * which a waiting user cannot afford; {@link ConnectionRetry} repeats connection
	 * failures only.
	 * @param timeout the time limit of a call that sets none of its own
	 */
	public static OpenAIClient client(String apiKey, String baseUrl, Duration timeout) {
		ClientOptions options = ClientOptions.builder()
			.httpClient(new OpenAiTransport(timeout))
			.apiKey(apiKey)
			.baseUrl(baseUrl)
			.timeout(timeout)
			.maxRetries(0)
			.build();
		return new OpenAIClientImpl(options);
	}

	@Override
	public HttpResponse execute(HttpRequest request, RequestOptions options) {
		Duration limit = limit(options);
		long deadline = System.nanoTime() + limit.toNanos();
		java.net.http.HttpRequest exchange = exchange(request, limit);
		try {
			return new Response(JDK.send(exchange, BodyHandlers.ofInputStream()), deadline, limit);
		}
		catch (IOException ex) {
			throw new OpenAIIoException("Request failed", ex);
		}
		catch (InterruptedException ex) {
			// The JDK client has cancelled the exchange.
			Thread.currentThread().interrupt();
			throw new OpenAIIoException("Request failed", new InterruptedIOException("interrupted"));
		}
	}

	@Override
	public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
		Duration limit = limit(options);
		long deadline = System.nanoTime() + limit.toNanos();
		java.net.http.HttpRequest exchange = exchange(request, limit);
		return JDK.sendAsync(exchange, BodyHandlers.ofInputStream()).handle((response, failure) -> {
			if (failure != null) {
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				throw new OpenAIIoException("Request failed", cause);
			}
			return new Response(response, deadline, limit);
		});
	}

	/**
	 * Marks this client closed; calls still under way finish. The JDK client is the
	 * process's and stays.
	 */
	@Override
	public void close() {
		this.closed = true;
	}

	/** The JDK client every openai-java client shares: for tests of the sockets. */
	static java.net.http.HttpClient jdk() {
		return JDK;
	}

	private Duration limit(RequestOptions options) {
		Timeout limits = options.getTimeout();
		return (limits != null) ? limits.request() : this.timeout;
	}

	private java.net.http.HttpRequest exchange(HttpRequest request, Duration limit) {
		if (this.closed) {
			throw new IllegalStateException("Client is closed");
		}
		URI uri = URI.create(request.url());
		java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri).timeout(limit);
		if ("http".equalsIgnoreCase(uri.getScheme())) {
			builder.version(Version.HTTP_1_1);
		}
		Headers headers = request.headers();
		for (String name : headers.names()) {
			if (!RESTRICTED.contains(name)) {
				headers.values(name).forEach((value) -> builder.header(name, value));
			}
		}
		HttpRequestBody body = request.body();
		if (body == null) {
			return builder.method(request.method().name(), BodyPublishers.noBody()).build();
		}
		try (body) {
			String type = body.contentType();
			if (type != null && headers.values("Content-Type").isEmpty()) {
				builder.header("Content-Type", type);
			}
			return builder.method(request.method().name(), publisher(body)).build();
		}
	}

	private static BodyPublisher publisher(HttpRequestBody body) {
		long length = body.contentLength();
		BoundedBuffer buffer = new BoundedBuffer((length >= 0 && length <= MAX_REQUEST_BYTES) ? (int) length : 8192);
		body.writeTo(buffer);
		return buffer.publisher();
	}

	private static java.net.http.HttpClient jdkClient() {
		java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
			.version(Version.HTTP_2)
			.followRedirects(Redirect.NEVER);
		// As okhttp did: the JVM's proxy settings (https.proxyHost and the like).
		ProxySelector proxies = ProxySelector.getDefault();
		if (proxies != null) {
			builder.proxy(proxies);
		}
		return builder.build();
	}

	private static Set<String> restricted() {
		Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade"));
		return names;
	}

	/** A request body in memory, sent without another copy. */
	private static final class BoundedBuffer extends ByteArrayOutputStream {

		BoundedBuffer(int size) {
			super(size);
		}

		@Override
		public synchronized void write(int b) {
			ensureRoom(1);
			super.write(b);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			ensureRoom(len);
			super.write(b, off, len);
		}

		synchronized BodyPublisher publisher() {
			return BodyPublishers.ofByteArray(this.buf, 0, this.count);
		}

		private void ensureRoom(int len) {
			if (len > MAX_REQUEST_BYTES - this.count) {
				throw new IllegalStateException("the request body is larger than " + MAX_REQUEST_BYTES + " bytes");
			}
		}

	}

	/** A JDK response as openai-java reads it. */
	private static final class Response implements HttpResponse {

		private final int status;

		private final Headers headers;

		private final InputStream body;

		Response(java.net.http.HttpResponse<InputStream> response, long deadline, Duration limit) {
			this.status = response.statusCode();
			this.headers = Headers.builder().putAll(response.headers().map()).build();
			this.body = new DeadlineBody(response.body(), deadline, limit);
		}

		@Override
		public int statusCode() {
			return this.status;
		}

		@Override
		public Headers headers() {
			return this.headers;
		}

		@Override
		public InputStream body() {
			return this.body;
		}

		@Override
		public void close() {
			try {
				this.body.close();
			}
			catch (IOException ex) {
				// Closing only cancels the exchange; nothing is left to release.
			}
		}

	}

}

package com.homemadealexa.device;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.homemadealexa.cli.DeviceHello;

/**
 * A device (or webapp tab) for tests: a real WebSocket client that keeps every text frame
 * it receives. Answers pings like the ESP32 firmware does.
 */
public final class TestDevice implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final WebSocket socket;

	private final Frames frames;

	private TestDevice(WebSocket socket, Frames frames) {
		this.socket = socket;
		this.frames = frames;
	}

	/** Connects to {@code /ws/internal}. */
	public static TestDevice connect(int port) {
		return connect(port, "/ws/internal");
	}

	public static TestDevice connect(int port, String pathAndQuery) {
		return connect(CLIENT, port, pathAndQuery);
	}

	/**
	 * Connects through the given client, e.g. one bound to another loopback address.
	 */
	public static TestDevice connect(HttpClient client, int port, String pathAndQuery) {
		Frames frames = new Frames();
		WebSocket socket = client.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), frames)
			.orTimeout(5, TimeUnit.SECONDS)
			.join();
		return new TestDevice(socket, frames);
	}

	/**
	 * Says hello the way the ESP32-S3-Box-3 firmware does, with a MAC of its own derived
	 * from the hostname (two devices never share one).
	 */
	public TestDevice hello(String hostname) {
		int hash = hostname.hashCode();
		return send(DeviceHello.of(hostname)
			.withMac(72, 202, 67, hash >>> 16 & 0xFF, hash >>> 8 & 0xFF, hash & 0xFF)
			.json());
	}

	public TestDevice send(String text) {
		this.socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
		return this;
	}

	public TestDevice sendBinary(byte[] bytes) {
		this.socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(5, TimeUnit.SECONDS).join();
		return this;
	}

	/**
	 * @return the next text frame from the server, waiting up to 5 s
	 * @throws AssertionError when none arrives
	 */
	public String nextMessage() {
		try {
			String message = this.frames.texts.poll(5, TimeUnit.SECONDS);
			if (message == null) {
				throw new AssertionError("No message from the server within 5 s");
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * @return the next text frame if one arrives within the given time, else null
	 */
	public String pollMessage(Duration within) {
		try {
			return this.frames.texts.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * @return the close code the server sent, waiting up to 5 s
	 */
	public int closeCode() {
		return this.frames.closed.orTimeout(5, TimeUnit.SECONDS).join();
	}

	public boolean isClosedByServer() {
		return this.frames.closed.isDone();
	}

	/**
	 * @return frames received and not yet taken
	 */
	public int pending() {
		return this.frames.texts.size();
	}

	public boolean isOpen() {
		return !this.frames.closed.isDone() && !this.socket.isInputClosed();
	}

	/** Drops the TCP connection without a close frame, like a device losing power. */
	public void abort() {
		this.socket.abort();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
				.orTimeout(5, TimeUnit.SECONDS)
				.exceptionally((ex) -> null)
				.join();
		}
		this.socket.abort();
	}

	private static final class Frames implements WebSocket.Listener {

		private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.texts.add(this.partial.toString());
				this.partial.setLength(0);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.complete(-1);
		}

	}

}

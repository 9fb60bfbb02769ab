package com.homemadealexa.reliability;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device on its own loopback address ({@code 127.0.0.{host}}): a JDK WebSocket client
 * on {@code /ws/internal} that keeps every text frame and answers pings, like the ESP32
 * firmware. Its uploads go through {@link Loopback#client(int)} for the same host, so the
 * server pairs them with this connection.
 */
final class LoopbackDevice implements AutoCloseable {

	private final int host;

	private final WebSocket socket;

	private final Frames frames;

	private LoopbackDevice(int host, WebSocket socket, Frames frames) {
		this.host = host;
		this.socket = socket;
		this.frames = frames;
	}

	static LoopbackDevice connect(int port, int host, String hostname) {
		Frames frames = new Frames();
		WebSocket socket = Loopback.client(host)
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/internal"), frames)
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
		LoopbackDevice device = new LoopbackDevice(host, socket, frames);
		device.send("{\"hello\": {\"hostname\": \"" + hostname
				+ "\", \"hw_type\": \"ESP32-S3-BOX-3\", \"mac_addr\": [72, 202, 67, 1, 2, " + (host & 0xFF) + "]}}");
		return device;
	}

	int host() {
		return this.host;
	}

	void send(String text) {
		this.socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
	}

	/** The next text frame within the wait, else null. */
	String poll(Duration within) {
		try {
			return this.frames.texts.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Frames received and not yet polled. */
	int pending() {
		return this.frames.texts.size();
	}

	boolean isOpen() {
		return !this.frames.closed.isDone() && !this.socket.isInputClosed();
	}

	/** Drops the TCP connection without a close frame, like a device losing power. */
	void abort() {
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

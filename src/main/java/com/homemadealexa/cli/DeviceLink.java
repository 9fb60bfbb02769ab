package com.homemadealexa.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A simulated device's WebSocket to {@code /ws/internal}: opens it, says hello, hands on
 * each text frame, and comes back after a drop (after the reconnect delay) or a reboot
 * (after the reboot delay), like the firmware. Thread-safe.
 */
final class DeviceLink {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Told of each whole text frame, on the socket's thread; must not block. */
	interface Frames {

		/**
		 * @param frame the text
		 * @param reboot closes this connection and comes back after the reboot delay
		 */
		void received(String frame, Runnable reboot);

	}

	private final URI socketUri;

	private final DeviceHello hello;

	private final HttpClient http;

	private final Duration reconnectDelay;

	private final Duration rebootDelay;

	private final SimulatorEvents events;

	private final Frames frames;

	private final AtomicInteger connections = new AtomicInteger();

	private volatile @Nullable Connection current;

	private volatile boolean closed;

	DeviceLink(URI server, DeviceHello hello, HttpClient http, Duration reconnectDelay, Duration rebootDelay,
			SimulatorEvents events, Frames frames) {
		String url = server.toString().replaceFirst("^http", "ws");
		this.socketUri = URI.create(url.endsWith("/") ? url + "ws/internal" : url + "/ws/internal");
		this.hello = hello;
		this.http = http;
		this.reconnectDelay = reconnectDelay;
		this.rebootDelay = rebootDelay;
		this.events = events;
		this.frames = frames;
	}

	/**
	 * Opens the WebSocket and says hello.
	 * @throws CliException when the server cannot be reached (the message says why)
	 */
	void connect() {
		Connection connection = new Connection();
		WebSocket socket;
		try {
			socket = this.http.newWebSocketBuilder()
				.connectTimeout(CONNECT_TIMEOUT)
				.buildAsync(this.socketUri, connection)
				.get(CONNECT_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new CliException("Cannot connect to " + this.socketUri + ": " + ServerResponses.describe(cause),
					cause);
		}
		catch (TimeoutException ex) {
			throw new CliException("Cannot connect to " + this.socketUri + ": the connection timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted", ex);
		}
		this.current = connection;
		socket.sendText(this.hello.json(), true).orTimeout(5, TimeUnit.SECONDS).join();
		this.events.emit(new SimulatorEvent.Connected(this.connections.incrementAndGet()));
		if (this.closed) {
			connection.closeGracefully("bye");
		}
	}

	boolean isConnected() {
		Connection connection = this.current;
		WebSocket socket = (connection != null) ? connection.socket : null;
		return socket != null && !socket.isInputClosed() && !socket.isOutputClosed();
	}

	int connections() {
		return this.connections.get();
	}

	/**
	 * @throws IllegalStateException when the device is not connected
	 */
	void send(String text) {
		Connection connection = this.current;
		WebSocket socket = (connection != null) ? connection.socket : null;
		if (socket == null) {
			throw new IllegalStateException(this.hello.hostname() + " is not connected");
		}
		socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
	}

	/** Closes the connection for good: no reconnect. */
	void close() {
		this.closed = true;
		Connection connection = this.current;
		if (connection != null) {
			connection.closeGracefully("bye");
		}
	}

	/**
	 * Like the ESP32 restarting: the socket goes, and the device is back a moment later.
	 */
	private void reboot(Connection connection) {
		connection.closeGracefully("restart");
		reconnectAfter(this.rebootDelay);
	}

	private void reconnectAfter(Duration delay) {
		if (this.closed) {
			return;
		}
		CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
			if (this.closed) {
				return;
			}
			try {
				connect();
			}
			catch (RuntimeException ex) {
				this.events.emit(new SimulatorEvent.ConnectFailed(ex.getMessage()));
				reconnectAfter(this.reconnectDelay);
			}
		});
	}

	/**
	 * One WebSocket connection: gathers text frames and tells a drop it did not cause
	 * from one the device chose (a restart), which reconnects sooner.
	 */
	private final class Connection implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private volatile @Nullable WebSocket socket;

		private volatile boolean leaving;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.socket = webSocket;
			webSocket.request(1);
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String frame = this.partial.toString();
				this.partial.setLength(0);
				DeviceLink.this.frames.received(frame, () -> reboot(this));
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			ended(statusCode, reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			ended(-1, ServerResponses.describe(error));
		}

		private void ended(int code, String reason) {
			if (this.leaving || DeviceLink.this.closed) {
				return;
			}
			this.leaving = true;
			DeviceLink.this.events.emit(new SimulatorEvent.Disconnected(code, reason));
			reconnectAfter(DeviceLink.this.reconnectDelay);
		}

		void closeGracefully(String reason) {
			this.leaving = true;
			WebSocket open = this.socket;
			if (open == null) {
				return;
			}
			open.sendClose(WebSocket.NORMAL_CLOSURE, reason)
				.orTimeout(2, TimeUnit.SECONDS)
				.whenComplete((ignored, failure) -> open.abort());
		}

	}

}

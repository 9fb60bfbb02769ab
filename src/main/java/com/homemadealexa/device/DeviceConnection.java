package com.homemadealexa.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open WebSocket: what the device said about itself, and its outbox. A WebSocket
 * session allows one send at a time and a send blocks while the peer does not read, so
 * each connection has its own sender (a virtual thread) draining a bounded queue: callers
 * only enqueue, and a stuck peer never delays the others.
 */
final class DeviceConnection {

	static final int OUTBOX_LIMIT = 64;

	private final WebSocketSession session;

	private final long order;

	private final AtomicReference<DeviceInfo> info;

	private final BlockingQueue<WebSocketMessage<?>> outbox = new LinkedBlockingQueue<>(OUTBOX_LIMIT);

	private volatile boolean closed;

	private @Nullable Thread sender;

	// Heartbeat state, guarded by this; times from System.nanoTime().
	private long lastHeard;

	private boolean awaitingPong;

	private long pingSent;

	private boolean sending;

	private long sendStarted;

	DeviceConnection(WebSocketSession session, long order, DeviceInfo info, long now) {
		this.session = session;
		this.order = order;
		this.info = new AtomicReference<>(info);
		this.lastHeard = now;
	}

	String id() {
		return this.session.getId();
	}

	long order() {
		return this.order;
	}

	DeviceInfo info() {
		return this.info.get();
	}

	WebSocketSession session() {
		return this.session;
	}

	void hello(DeviceMessage.Hello hello) {
		this.info.updateAndGet((current) -> current.withHello(hello));
	}

	/**
	 * Starts the sender.
	 * @param onFailure told why, when a send fails
	 */
	void start(Consumer<String> onFailure) {
		this.sender = Thread.ofVirtual().name("device-send-" + id()).start(() -> drain(onFailure));
	}

	/**
	 * @return false when the connection is closed or its outbox is full
	 */
	boolean enqueue(WebSocketMessage<?> message) {
		return !this.closed && this.outbox.offer(message);
	}

	boolean isClosed() {
		return this.closed;
	}

	/** Any frame from the device proves it is alive. */
	synchronized void heard(long now) {
		this.lastHeard = now;
		this.awaitingPong = false;
	}

	/**
	 * Pings the device when it has been silent for the ping interval.
	 * @return why the connection should be dropped, or null when it is healthy
	 */
	synchronized @Nullable String check(long now, DeviceSettings settings) {
		if (this.sending && now - this.sendStarted > settings.sendTimeout().toNanos()) {
			return "a send was stuck for more than " + settings.sendTimeout().toMillis() + " ms";
		}
		if (this.awaitingPong) {
			return (now - this.pingSent > settings.pongTimeout().toNanos())
					? "no pong within " + settings.pongTimeout().toMillis() + " ms" : null;
		}
		if (now - this.lastHeard >= settings.pingInterval().toNanos()) {
			if (!enqueue(new PingMessage(ByteBuffer.wrap(new byte[] { 'h', 'b' })))) {
				return "its outbox is full";
			}
			this.awaitingPong = true;
			this.pingSent = now;
		}
		return null;
	}

	/** Stops the sender; queued commands are discarded. */
	void stop() {
		this.closed = true;
		this.outbox.clear();
		Thread thread = this.sender;
		if (thread != null) {
			thread.interrupt();
		}
	}

	private void drain(Consumer<String> onFailure) {
		try {
			while (!this.closed) {
				WebSocketMessage<?> message = this.outbox.take();
				sending(true);
				try {
					this.session.sendMessage(message);
				}
				finally {
					sending(false);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			if (!this.closed) {
				onFailure.accept("a send failed: " + ex.getMessage());
			}
		}
	}

	private synchronized void sending(boolean sending) {
		this.sending = sending;
		this.sendStarted = System.nanoTime();
	}

}

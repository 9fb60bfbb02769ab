package com.homemadealexa.device;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * On shutdown, closes every device and webapp socket with 1001 (going away) before the
 * web server stops, so clients see a server that left rather than a broken connection
 * (1006), and reconnect when it is back.
 */
@Component
class DeviceShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeviceShutdown.class);

	private static final Duration CLOSING = Duration.ofSeconds(2);

	private final DeviceRegistry registry;

	private volatile boolean running;

	DeviceShutdown(DeviceRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		List<DeviceConnection> open = List.copyOf(this.registry.connections());
		// In parallel and bounded: a peer that does not read must not hold up the
		// shutdown.
		ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor();
		try {
			for (DeviceConnection connection : open) {
				closing.execute(() -> {
					try {
						connection.session().close(CloseStatus.GOING_AWAY);
					}
					catch (IOException | RuntimeException ex) {
						log.debug("Closing connection {} at shutdown failed: {}", connection.id(), ex.getMessage());
					}
				});
			}
			closing.shutdown();
			if (!closing.awaitTermination(CLOSING.toMillis(), TimeUnit.MILLISECONDS)) {
				closing.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!open.isEmpty()) {
			log.info("Closed {} device and webapp connections for the shutdown", open.size());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops before the web server's graceful shutdown, which would otherwise wait on
	// the open sockets.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}

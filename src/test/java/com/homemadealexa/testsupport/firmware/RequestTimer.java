package com.homemadealexa.testsupport.firmware;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * {@code REQUEST_TIMEOUT_S}: started when an upload got its 200, stopped by
 * {@code listen} or {@code idle}; on expiry the device goes idle on its own.
 */
final class RequestTimer {

	private static final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "firmware-request-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration timeout;

	private final Runnable onExpiry;

	private @Nullable ScheduledFuture<?> pending;

	RequestTimer(Duration timeout, Runnable onExpiry) {
		this.timeout = timeout;
		this.onExpiry = onExpiry;
	}

	synchronized void start() {
		stop();
		this.pending = timers.schedule(this.onExpiry, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (this.pending != null) {
			this.pending.cancel(false);
			this.pending = null;
		}
	}

}

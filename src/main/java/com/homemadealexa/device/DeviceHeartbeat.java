package com.homemadealexa.device;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pings silent connections and drops those that do not answer or do not read. A device
 * that loses power or Wi-Fi sends no close frame; without this it would stay registered
 * and swallow commands until TCP gives up, minutes later.
 */
@Component
class DeviceHeartbeat implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeviceHeartbeat.class);

	private final DeviceRegistry registry;

	private final DeviceSettings settings;

	private volatile @Nullable ScheduledExecutorService timer;

	DeviceHeartbeat(DeviceRegistry registry, DeviceSettings settings) {
		this.registry = registry;
		this.settings = settings;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("device-heartbeat").factory());
		long period = period().toNanos();
		executor.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.NANOSECONDS);
		this.timer = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.timer;
		if (executor != null) {
			executor.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

	void tick() {
		try {
			long now = System.nanoTime();
			for (DeviceConnection connection : this.registry.connections()) {
				String failure = connection.check(now, this.settings);
				if (failure != null) {
					this.registry.drop(connection, failure);
				}
			}
		}
		catch (RuntimeException ex) {
			// A failed tick must not cancel the schedule.
			log.error("Device heartbeat failed", ex);
		}
	}

	// Fine enough that a deadline is noticed within a quarter of its length.
	private Duration period() {
		Duration shortest = Stream
			.of(this.settings.pingInterval(), this.settings.pongTimeout(), this.settings.sendTimeout())
			.min(Duration::compareTo)
			.orElseThrow()
			.dividedBy(4);
		Duration floor = Duration.ofMillis(10);
		Duration ceiling = Duration.ofSeconds(1);
		return (shortest.compareTo(floor) < 0) ? floor : (shortest.compareTo(ceiling) > 0) ? ceiling : shortest;
	}

}

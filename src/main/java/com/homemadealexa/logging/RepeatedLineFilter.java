package com.homemadealexa.logging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Rate-limits repetitive log lines: a line is the same as another when it comes from the
 * same logger with the same message pattern ({@code "Hello from {} ({}, {})"}), whatever
 * its arguments. Of each, at most {@link #setLinesPerWindow lines per window} are written
 * per {@link #setWindowSeconds window}; when a pattern first goes over, one line says so,
 * and the first line of the pattern in a later window says how many were dropped. So
 * 1,000 devices saying hello, or one client repeating a bad request, cannot fill the disk
 * or bury the lines that matter. Thread-safe; remembers at most {@value #MAX_PATTERNS}
 * patterns.
 */
public class RepeatedLineFilter extends TurboFilter {

	static final int MAX_PATTERNS = 1024;

	private static final String DROPPING = "Logging at most {} lines like \"{}\" every {} s; more are dropped";

	private static final String DROPPED = "{} lines like \"{}\" were dropped in the last {} s";

	private final Map<String, Window> windows = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
			return size() > MAX_PATTERNS;
		}

	};

	private int linesPerWindow = 20;

	private long windowNanos = Duration.ofSeconds(60).toNanos();

	private LongSupplier nanoTime = System::nanoTime;

	public void setLinesPerWindow(int linesPerWindow) {
		this.linesPerWindow = Math.max(1, linesPerWindow);
	}

	public void setWindowSeconds(int seconds) {
		this.windowNanos = Duration.ofSeconds(Math.max(1, seconds)).toNanos();
	}

	void setNanoTime(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/** Forgets every count, as after a restart. */
	public synchronized void reset() {
		this.windows.clear();
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			Object @Nullable [] params, @Nullable Throwable t) {
		// Calls without a message are level checks (isDebugEnabled()); lines below the
		// logger's level are never written, so they do not count.
		if (format == null || !isStarted() || !level.isGreaterOrEqual(logger.getEffectiveLevel()) || format == DROPPING
				|| format == DROPPED) {
			return FilterReply.NEUTRAL;
		}
		String key = logger.getName() + '\u0000' + format;
		long now = this.nanoTime.getAsLong();
		long dropped;
		boolean firstDrop;
		long windowSeconds = Duration.ofNanos(this.windowNanos).toSeconds();
		synchronized (this) {
			Window window = this.windows.computeIfAbsent(key, (ignored) -> new Window(now));
			dropped = 0;
			if (now - window.start >= this.windowNanos) {
				dropped = window.dropped;
				window.start = now;
				window.written = 0;
				window.dropped = 0;
			}
			firstDrop = false;
			if (window.written >= this.linesPerWindow) {
				window.dropped++;
				firstDrop = window.dropped == 1;
				if (!firstDrop) {
					return FilterReply.DENY;
				}
			}
			else {
				window.written++;
			}
		}
		// Written outside the lock: the logger calls this filter again.
		org.slf4j.event.Level sameLevel = org.slf4j.event.Level.intToLevel(Level.toLocationAwareLoggerInteger(level));
		if (dropped > 0) {
			logger.atLevel(sameLevel).log(DROPPED, dropped, format, windowSeconds);
		}
		if (firstDrop) {
			logger.atLevel(sameLevel).log(DROPPING, this.linesPerWindow, format, windowSeconds);
			return FilterReply.DENY;
		}
		return FilterReply.NEUTRAL;
	}

	private static final class Window {

		private long start;

		private int written;

		private long dropped;

		Window(long start) {
			this.start = start;
		}

	}

}

package com.homemadealexa.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins from one client
 * within the lockout window, that client waits until the window has passed; and all
 * clients together get at most {@code maxFailuresPerMinute} failed logins in any minute,
 * so guesses spread over many addresses stay bounded too (everyone waits while the bound
 * is reached). In memory, bounded, thread-safe.
 */
final class LoginThrottle {

	/** Enough for any household; the oldest clients are forgotten first. */
	static final int MAX_CLIENTS = 10_000;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final int maxFailures;

	private final Duration lockout;

	private final int maxFailuresPerMinute;

	private final Clock clock;

	/** When the failures of the last minute happened, from all clients; oldest first. */
	private final Deque<Instant> recentFailures = new ArrayDeque<>();

	private int inFlight;

	private final Map<String, Attempts> clients = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
			return size() > MAX_CLIENTS;
		}

	};

	LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
		this(maxFailures, lockout, Integer.MAX_VALUE, clock);
	}

	LoginThrottle(int maxFailures, Duration lockout, int maxFailuresPerMinute, Clock clock) {
		this.maxFailures = maxFailures;
		this.lockout = lockout;
		this.maxFailuresPerMinute = maxFailuresPerMinute;
		this.clock = clock;
	}

	/**
	 * Reserves one attempt for the client. Attempts still being checked count against the
	 * limit, so parallel requests cannot try more passwords than allowed.
	 * @return empty when the client may try now (then call {@link #succeeded} or
	 * {@link #failed}), else how long it must wait
	 */
	synchronized Optional<Duration> tryBegin(String client) {
		Instant now = this.clock.instant();
		Attempts attempts = this.clients.computeIfAbsent(client, (key) -> new Attempts());
		if (attempts.lockedUntil != null) {
			if (now.isBefore(attempts.lockedUntil)) {
				return Optional.of(Duration.between(now, attempts.lockedUntil));
			}
			attempts.forgetFailures();
		}
		if (attempts.firstFailure != null && !now.isBefore(attempts.firstFailure.plus(this.lockout))) {
			attempts.forgetFailures();
		}
		if (attempts.failures + attempts.inFlight >= this.maxFailures) {
			// The attempts in flight decide within a moment whether this client is
			// locked.
			return Optional.of(Duration.ofSeconds(1));
		}
		Optional<Duration> globalWait = globalWait(now);
		if (globalWait.isPresent()) {
			return globalWait;
		}
		attempts.inFlight++;
		this.inFlight++;
		return Optional.empty();
	}

	private Optional<Duration> globalWait(Instant now) {
		Instant minuteAgo = now.minus(MINUTE);
		while (!this.recentFailures.isEmpty() && !this.recentFailures.peekFirst().isAfter(minuteAgo)) {
			this.recentFailures.pollFirst();
		}
		if ((long) this.recentFailures.size() + this.inFlight < this.maxFailuresPerMinute) {
			return Optional.empty();
		}
		if (this.recentFailures.isEmpty()) {
			return Optional.of(Duration.ofSeconds(1));
		}
		Duration wait = Duration.between(now, this.recentFailures.peekFirst().plus(MINUTE));
		return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
	}

	synchronized void succeeded(String client) {
		this.inFlight = Math.max(0, this.inFlight - 1);
		Attempts attempts = this.clients.get(client);
		if (attempts != null) {
			attempts.finish();
			attempts.forgetFailures();
			if (attempts.inFlight == 0) {
				this.clients.remove(client);
			}
		}
	}

	synchronized void failed(String client) {
		Instant now = this.clock.instant();
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (this.maxFailuresPerMinute != Integer.MAX_VALUE) {
			this.recentFailures.addLast(now);
			// Only the last minute's count matters, and never more than the bound.
			while (this.recentFailures.size() > this.maxFailuresPerMinute) {
				this.recentFailures.pollFirst();
			}
		}
		Attempts attempts = this.clients.computeIfAbsent(client, (key) -> new Attempts());
		attempts.finish();
		if (attempts.failures == 0) {
			attempts.firstFailure = now;
		}
		attempts.failures++;
		if (attempts.failures >= this.maxFailures) {
			attempts.lockedUntil = now.plus(this.lockout);
		}
	}

	private static final class Attempts {

		private int failures;

		private int inFlight;

		private @Nullable Instant firstFailure;

		private @Nullable Instant lockedUntil;

		void finish() {
			this.inFlight = Math.max(0, this.inFlight - 1);
		}

		void forgetFailures() {
			this.failures = 0;
			this.firstFailure = null;
			this.lockedUntil = null;
		}

	}

}

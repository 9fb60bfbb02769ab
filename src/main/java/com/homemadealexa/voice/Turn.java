package com.homemadealexa.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One utterance's claim on its device: valid until cancelled by a newer utterance or a
 * wake word. Waiting on it ends early when it is cancelled. Thread-safe.
 */
final class Turn {

	private final String utteranceId;

	private final CountDownLatch cancelled = new CountDownLatch(1);

	private volatile boolean receiving = true;

	Turn(String utteranceId) {
		this.utteranceId = utteranceId;
	}

	String utteranceId() {
		return this.utteranceId;
	}

	/** The upload has ended; from now on the turn is the device's pending reply. */
	void received() {
		this.receiving = false;
	}

	/** Whether the device is still uploading this turn's speech. */
	boolean isReceiving() {
		return this.receiving;
	}

	void cancel() {
		this.cancelled.countDown();
	}

	boolean isCancelled() {
		return this.cancelled.getCount() == 0;
	}

	/**
	 * Waits until the given instant, or less if the turn is cancelled.
	 * @return whether the turn is still valid
	 */
	boolean waitUntil(Instant instant) {
		Duration remaining = Duration.between(Instant.now(), instant);
		if (remaining.isNegative() || remaining.isZero()) {
			return !isCancelled();
		}
		try {
			return !this.cancelled.await(remaining.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

package com.homemadealexa.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Percentiles of a sample of durations (nearest rank).
 */
record Stats(int count, Duration min, Duration p50, Duration p90, Duration p99, Duration max) {

	static Stats of(List<Duration> sample) {
		if (sample.isEmpty()) {
			throw new IllegalArgumentException("No measurements");
		}
		List<Duration> sorted = new ArrayList<>(sample);
		Collections.sort(sorted);
		return new Stats(sorted.size(), sorted.get(0), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
				sorted.get(sorted.size() - 1));
	}

	private static Duration rank(List<Duration> sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	static String ms(Duration duration) {
		return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
	}

	Stats minus(Duration offset) {
		return new Stats(this.count, this.min.minus(offset), this.p50.minus(offset), this.p90.minus(offset),
				this.p99.minus(offset), this.max.minus(offset));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "n=%d min %s, p50 %s, p90 %s, p99 %s, max %s", this.count, ms(this.min),
				ms(this.p50), ms(this.p90), ms(this.p99), ms(this.max));
	}

}

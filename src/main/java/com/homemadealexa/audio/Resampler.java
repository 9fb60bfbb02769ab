package com.homemadealexa.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion: a polyphase windowed-sinc filter. Unlike linear
 * interpolation it removes what lies above the new Nyquist frequency, so 48 kHz speech
 * brought down to 16 kHz does not alias into audible whistles. The filter of each pair of
 * rates is computed once and kept (a handful of pairs exist: the voices' and devices'
 * rates); thread-safe. Samples and weights are {@code float}s: their 24 bits are far
 * finer than the 16-bit samples the conversion ends in, in half the memory of
 * {@code double}s (a sentence of speech is tens of thousands of samples, on every reply).
 */
final class Resampler {

	/** Zero crossings of the sinc on each side: the filter's sharpness. */
	private static final int ZERO_CROSSINGS = 12;

	/** Cut off slightly below Nyquist so the transition band does not alias. */
	private static final double PASSBAND = 0.92;

	/**
	 * Filters by {@code fromRate << 32 | toRate}. Bounded in practice by the few rates
	 * that reach it; a filter for 44.1 to 16 kHz is 160 phases of 56 taps (35 KB).
	 */
	private static final Map<Long, Filter> filters = new ConcurrentHashMap<>();

	/** More pairs than any installation uses; beyond it filters are not kept. */
	private static final int MAX_KEPT = 32;

	private Resampler() {
	}

	/**
	 * Resamples mono samples.
	 * @param in samples in [-1, 1]
	 * @param fromRate their rate
	 * @param toRate the wanted rate
	 * @return the resampled samples; {@code in} itself when the rates are equal
	 */
	static float[] resample(float[] in, int fromRate, int toRate) {
		if (fromRate == toRate) {
			return in;
		}
		return filter(fromRate, toRate).apply(in);
	}

	private static Filter filter(int fromRate, int toRate) {
		long key = ((long) fromRate << 32) | toRate;
		Filter filter = filters.get(key);
		if (filter == null) {
			filter = Filter.of(fromRate, toRate);
			if (filters.size() < MAX_KEPT) {
				filters.putIfAbsent(key, filter);
			}
		}
		return filter;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	/**
	 * One rate conversion: {@code up} phases (fractional output positions) of
	 * {@code width} taps each, laid out one phase after the other. Each phase's taps are
	 * non-zero only in {@code [from, to)}; a phase whose non-zero taps are symmetric
	 * (phase 0 always, and the middle phase of an even {@code up}: every phase of the
	 * common 24, 32 and 48 to 16 kHz conversions) is computed folded, adding the two
	 * input samples that share a weight before multiplying, which halves its
	 * multiplications.
	 */
	private record Filter(int up, int down, int taps, int width, float[] kernels, int[] from, int[] to,
			boolean[] symmetric) {

		/**
		 * How far apart two weights may be and still count as the same: a few steps of a
		 * {@code float} near the largest weight, far below one 16-bit step (3e-5).
		 */
		private static final float SAME_WEIGHT = 1e-7f;

		static Filter of(int fromRate, int toRate) {
			int gcd = gcd(fromRate, toRate);
			int up = toRate / gcd;
			int down = fromRate / gcd;
			// Cut-off in cycles per input sample: the lower of the two Nyquist
			// frequencies.
			double cutoff = 0.5 * Math.min(1.0, (double) toRate / fromRate) * PASSBAND;
			double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
			int taps = (int) Math.ceil(halfWidth);
			int width = 2 * taps;
			float[] kernels = kernels(up, taps, cutoff, halfWidth);
			int[] from = new int[up];
			int[] to = new int[up];
			boolean[] symmetric = new boolean[up];
			for (int phase = 0; phase < up; phase++) {
				int k = phase * width;
				int first = 0;
				int end = width;
				while (first < end && kernels[k + first] == 0) {
					first++;
				}
				while (end > first && kernels[k + end - 1] == 0) {
					end--;
				}
				from[phase] = first;
				to[phase] = end;
				symmetric[phase] = isSymmetric(kernels, k + first, k + end);
			}
			return new Filter(up, down, taps, width, kernels, from, to, symmetric);
		}

		private static boolean isSymmetric(float[] kernels, int first, int end) {
			for (int a = first, b = end - 1; a < b; a++, b--) {
				if (Math.abs(kernels[a] - kernels[b]) > SAME_WEIGHT) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Each output sample is the dot product of its phase's kernel with the input
		 * around it. Outputs whose window lies inside the input skip the edge checks.
		 */
		float[] apply(float[] in) {
			int outLength = (int) ((long) in.length * this.up / this.down);
			float[] out = new float[outLength];
			float[] kernels = this.kernels;
			int width = this.width;
			int base = 0;
			int phase = 0;
			int baseStep = this.down / this.up;
			int phaseStep = this.down % this.up;
			for (int i = 0; i < outLength; i++) {
				int start = base - this.taps + 1;
				int k = phase * width;
				if (start >= 0 && start + width <= in.length) {
					int first = this.from[phase];
					int end = this.to[phase];
					out[i] = this.symmetric[phase] ? folded(in, start + first, start + end - 1, kernels, k + first)
							: dot(in, start + first, end - first, kernels, k + first);
				}
				else {
					float sum = 0;
					for (int j = Math.max(0, -start); j < width && start + j < in.length; j++) {
						sum += in[start + j] * kernels[k + j];
					}
					out[i] = sum;
				}
				base += baseStep;
				phase += phaseStep;
				if (phase >= this.up) {
					phase -= this.up;
					base++;
				}
			}
			return out;
		}

		/** {@code in[at..at+length)} times {@code kernels[k..k+length)}, unrolled. */
		private static float dot(float[] in, int at, int length, float[] kernels, int k) {
			float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			int j = 0;
			for (; j + 3 < length; j += 4) {
				s0 += in[at + j] * kernels[k + j];
				s1 += in[at + j + 1] * kernels[k + j + 1];
				s2 += in[at + j + 2] * kernels[k + j + 2];
				s3 += in[at + j + 3] * kernels[k + j + 3];
			}
			for (; j < length; j++) {
				s0 += in[at + j] * kernels[k + j];
			}
			return (s0 + s1) + (s2 + s3);
		}

		/**
		 * The dot product of a symmetric kernel starting at {@code kernels[k]} with
		 * {@code in[first..last]}: the samples at the same distance from the middle share
		 * a weight.
		 */
		private static float folded(float[] in, int first, int last, float[] kernels, int k) {
			int half = (last - first + 1) >> 1;
			float s0 = 0, s1 = 0;
			int j = 0;
			for (; j + 1 < half; j += 2) {
				s0 += kernels[k + j] * (in[first + j] + in[last - j]);
				s1 += kernels[k + j + 1] * (in[first + j + 1] + in[last - j - 1]);
			}
			for (; j < half; j++) {
				s0 += kernels[k + j] * (in[first + j] + in[last - j]);
			}
			if (((last - first) & 1) == 0) {
				// An odd number of taps: the middle one has no partner.
				s0 += kernels[k + half] * in[first + half];
			}
			return s0 + s1;
		}

		/**
		 * One kernel per phase, each normalised to unit gain so a constant signal stays
		 * constant.
		 */
		private static float[] kernels(int phases, int taps, double cutoff, double halfWidth) {
			int width = 2 * taps;
			float[] kernels = new float[phases * width];
			double[] weights = new double[width];
			for (int phase = 0; phase < phases; phase++) {
				double fraction = (double) phase / phases;
				double sum = 0;
				for (int j = 0; j < width; j++) {
					weights[j] = weight((j - taps + 1) - fraction, cutoff, halfWidth);
					sum += weights[j];
				}
				for (int j = 0; j < width; j++) {
					kernels[phase * width + j] = (float) (weights[j] / sum);
				}
			}
			return kernels;
		}

		private static double weight(double x, double cutoff, double halfWidth) {
			if (Math.abs(x) >= halfWidth) {
				return 0;
			}
			double arg = 2 * Math.PI * cutoff * x;
			double sinc = (x == 0) ? 1 : Math.sin(arg) / arg;
			double r = x / halfWidth;
			double blackman = 0.42 + 0.5 * Math.cos(Math.PI * r) + 0.08 * Math.cos(2 * Math.PI * r);
			return 2 * cutoff * sinc * blackman;
		}

	}

}

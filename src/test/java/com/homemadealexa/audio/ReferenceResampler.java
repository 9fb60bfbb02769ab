package com.homemadealexa.audio;

/**
 * The resampler as it was before its filters were kept and its inner loop unrolled
 * (2026-12-01), computing each output sample the straightforward way: the reference the
 * production {@link Resampler} is checked against. Band-limited sample-rate conversion: a
 * polyphase windowed-sinc filter. Unlike linear interpolation it removes what lies above
 * the new Nyquist frequency, so 48 kHz speech brought down to 16 kHz does not alias into
 * audible whistles.
 */
final class ReferenceResampler {

	/** Zero crossings of the sinc on each side: the filter's sharpness. */
	private static final int ZERO_CROSSINGS = 12;

	/** Cut off slightly below Nyquist so the transition band does not alias. */
	private static final double PASSBAND = 0.92;

	private ReferenceResampler() {
	}

	/**
	 * Resamples mono samples.
	 * @param in samples in [-1, 1]
	 * @param fromRate their rate
	 * @param toRate the wanted rate
	 * @return the resampled samples; {@code in} itself when the rates are equal
	 */
	static double[] resample(double[] in, int fromRate, int toRate) {
		if (fromRate == toRate) {
			return in;
		}
		int gcd = gcd(fromRate, toRate);
		int up = toRate / gcd;
		int down = fromRate / gcd;
		// Cut-off in cycles per input sample: the lower of the two Nyquist frequencies.
		double cutoff = 0.5 * Math.min(1.0, (double) toRate / fromRate) * PASSBAND;
		double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
		int taps = (int) Math.ceil(halfWidth);
		double[][] kernels = kernels(up, taps, cutoff, halfWidth);
		int outLength = (int) ((long) in.length * up / down);
		double[] out = new double[outLength];
		for (int i = 0; i < outLength; i++) {
			long position = (long) i * down;
			int base = (int) (position / up);
			double[] kernel = kernels[(int) (position % up)];
			int start = base - taps + 1;
			double sum = 0;
			for (int j = Math.max(0, -start); j < kernel.length && start + j < in.length; j++) {
				sum += in[start + j] * kernel[j];
			}
			out[i] = sum;
		}
		return out;
	}

	/**
	 * One kernel per phase (fractional output position), each normalised to unit gain so
	 * a constant signal stays constant.
	 */
	private static double[][] kernels(int phases, int taps, double cutoff, double halfWidth) {
		double[][] kernels = new double[phases][2 * taps];
		for (int phase = 0; phase < phases; phase++) {
			double fraction = (double) phase / phases;
			double sum = 0;
			for (int j = 0; j < 2 * taps; j++) {
				double weight = weight((j - taps + 1) - fraction, cutoff, halfWidth);
				kernels[phase][j] = weight;
				sum += weight;
			}
			for (int j = 0; j < 2 * taps; j++) {
				kernels[phase][j] /= sum;
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

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}

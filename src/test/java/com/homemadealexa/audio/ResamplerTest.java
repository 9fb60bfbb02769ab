package com.homemadealexa.audio;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

	@ParameterizedTest
	@CsvSource({ "24000, 16000", "22050, 16000", "44100, 16000", "48000, 16000", "8000, 16000", "11025, 16000",
			"16000, 24000", "32000, 16000" })
	void resamplesAsTheStraightforwardFilterDid(int from, int to) {
		double[] in = speechLike(from, 1.3);
		assertCloseToTheReference(Resampler.resample(toFloats(in), from, to),
				ReferenceResampler.resample(in, from, to));
	}

	@ParameterizedTest
	@CsvSource({ "24000, 16000", "44100, 16000" })
	void givesTheSameOutputWhenItsFilterIsReused(int from, int to) {
		float[] first = Resampler.resample(toFloats(speechLike(from, 0.5)), from, to);
		Resampler.resample(toFloats(speechLike(from, 2.0)), from, to);
		assertThat(Resampler.resample(toFloats(speechLike(from, 0.5)), from, to)).containsExactly(first);
	}

	@ParameterizedTest
	@CsvSource({ "24000, 16000", "44100, 16000", "8000, 16000" })
	void keepsAConstantSignalConstantAwayFromTheEdges(int from, int to) {
		float[] in = new float[from];
		java.util.Arrays.fill(in, 0.25f);
		float[] out = Resampler.resample(in, from, to);
		for (int i = 100; i < out.length - 100; i++) {
			assertThat(out[i]).isCloseTo(0.25f, within(FLOAT_SUMS));
		}
	}

	@ParameterizedTest
	@CsvSource({ "0, 24000", "1, 24000", "7, 44100", "30, 24000" })
	void handlesInputsShorterThanTheFilter(int length, int from) {
		double[] in = speechLike(from, length / (double) from);
		assertCloseToTheReference(Resampler.resample(toFloats(in), from, 16000),
				ReferenceResampler.resample(in, from, 16000));
	}

	/**
	 * The resampler sums {@code float}s, in another order (unrolled, folded), with
	 * weights rounded to {@code float}: about a thousandth of one 16-bit step (3e-5) off
	 * the straightforward sums in {@code double}.
	 */
	private static final float FLOAT_SUMS = 1e-6f;

	private static void assertCloseToTheReference(float[] actual, double[] expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			assertThat((double) actual[i]).as("sample %d", i).isCloseTo(expected[i], within((double) FLOAT_SUMS));
		}
	}

	private static float[] toFloats(double[] samples) {
		float[] floats = new float[samples.length];
		for (int i = 0; i < samples.length; i++) {
			floats[i] = (float) samples[i];
		}
		return floats;
	}

	private static double[] speechLike(int rate, double seconds) {
		Random random = new Random(42);
		double[] samples = new double[(int) (rate * seconds)];
		for (int i = 0; i < samples.length; i++) {
			double t = (double) i / rate;
			samples[i] = 0.4 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 3100 * t)
					+ 0.05 * random.nextGaussian();
		}
		return samples;
	}

}

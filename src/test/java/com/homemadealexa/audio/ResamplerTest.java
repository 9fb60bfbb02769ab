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
		double[] expected = ReferenceResampler.resample(in, from, to);
		double[] actual = Resampler.resample(in, from, to);
		assertThat(actual).hasSameSizeAs(expected);
		// The unrolled sums add in another order: far below one 16-bit step (3e-5).
		for (int i = 0; i < expected.length; i++) {
			assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i], within(1e-12));
		}
	}

	@ParameterizedTest
	@CsvSource({ "24000, 16000", "44100, 16000" })
	void givesTheSameOutputWhenItsFilterIsReused(int from, int to) {
		double[] first = Resampler.resample(speechLike(from, 0.5), from, to);
		Resampler.resample(speechLike(from, 2.0), from, to);
		assertThat(Resampler.resample(speechLike(from, 0.5), from, to)).containsExactly(first);
	}

	@ParameterizedTest
	@CsvSource({ "24000, 16000", "44100, 16000", "8000, 16000" })
	void keepsAConstantSignalConstantAwayFromTheEdges(int from, int to) {
		double[] in = new double[from];
		java.util.Arrays.fill(in, 0.25);
		double[] out = Resampler.resample(in, from, to);
		for (int i = 100; i < out.length - 100; i++) {
			assertThat(out[i]).isCloseTo(0.25, within(1e-9));
		}
	}

	@ParameterizedTest
	@CsvSource({ "0, 24000", "1, 24000", "7, 44100", "30, 24000" })
	void handlesInputsShorterThanTheFilter(int length, int from) {
		double[] in = speechLike(from, length / (double) from);
		assertThat(Resampler.resample(in, from, 16000)).containsExactly(ReferenceResampler.resample(in, from, 16000));
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

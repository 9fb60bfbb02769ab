package com.homemadealexa.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import com.homemadealexa.audio.PcmFormat;

/**
 * Test audio made in memory: tones and silence as raw PCM (little-endian signed, as
 * devices send it) or as WAV files. Independent of the production {@code Wav} class, so
 * tests of that class compare against something else.
 */
public final class TestWavs {

	/** Amplitude of generated tones, as a fraction of full scale. */
	public static final double AMPLITUDE = 0.5;

	private TestWavs() {
	}

	/** A WAV of a sine tone, the same on every channel. */
	public static byte[] tone(PcmFormat format, int millis, double hertz) {
		return wav(tonePcm(format, millis, hertz), format);
	}

	/** A WAV of silence. */
	public static byte[] silence(PcmFormat format, int millis) {
		return wav(silencePcm(format, millis), format);
	}

	/** A 440 Hz tone WAV in the speech format (16 kHz, 16-bit, mono). */
	public static byte[] speech(int millis) {
		return tone(PcmFormat.SPEECH, millis, 440);
	}

	/** Raw PCM of a sine tone, the same on every channel. */
	public static byte[] tonePcm(PcmFormat format, int millis, double hertz) {
		int frames = frames(format, millis);
		int sampleSize = format.bits() / 8;
		ByteBuffer pcm = ByteBuffer.allocate(frames * sampleSize * format.channels()).order(ByteOrder.LITTLE_ENDIAN);
		for (int frame = 0; frame < frames; frame++) {
			double value = AMPLITUDE * Math.sin(2 * Math.PI * hertz * frame / format.sampleRate());
			for (int channel = 0; channel < format.channels(); channel++) {
				putSample(pcm, value, format.bits());
			}
		}
		return pcm.array();
	}

	/** Raw PCM of silence. */
	public static byte[] silencePcm(PcmFormat format, int millis) {
		return new byte[frames(format, millis) * format.bits() / 8 * format.channels()];
	}

	/**
	 * Wraps raw PCM in a 44-byte-header WAV (8-bit samples are stored unsigned, as WAV
	 * requires).
	 */
	public static byte[] wav(byte[] pcm, PcmFormat format) {
		int blockAlign = format.bits() / 8 * format.channels();
		ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
		wav.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		wav.put("fmt ".getBytes(StandardCharsets.US_ASCII))
			.putInt(16)
			.putShort((short) 1)
			.putShort((short) format.channels())
			.putInt(format.sampleRate())
			.putInt(format.sampleRate() * blockAlign)
			.putShort((short) blockAlign)
			.putShort((short) format.bits());
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length);
		for (byte b : pcm) {
			wav.put((format.bits() == 8) ? (byte) (b ^ 0x80) : b);
		}
		return wav.array();
	}

	/** Root mean square of 16-bit mono PCM, as a fraction of full scale. */
	public static double rms(byte[] pcm16) {
		ByteBuffer in = ByteBuffer.wrap(pcm16).order(ByteOrder.LITTLE_ENDIAN);
		int samples = pcm16.length / 2;
		double sum = 0;
		for (int i = 0; i < samples; i++) {
			double value = in.getShort() / 32768.0;
			sum += value * value;
		}
		return (samples == 0) ? 0 : Math.sqrt(sum / samples);
	}

	private static int frames(PcmFormat format, int millis) {
		return (int) ((long) format.sampleRate() * millis / 1000);
	}

	private static void putSample(ByteBuffer pcm, double value, int bits) {
		long max = (1L << (bits - 1)) - 1;
		long sample = Math.round(value * max);
		switch (bits) {
			case 8 -> pcm.put((byte) sample);
			case 16 -> pcm.putShort((short) sample);
			case 24 -> pcm.put((byte) sample).put((byte) (sample >> 8)).put((byte) (sample >> 16));
			case 32 -> pcm.putInt((int) sample);
			default -> throw new IllegalArgumentException("bits " + bits);
		}
	}

}

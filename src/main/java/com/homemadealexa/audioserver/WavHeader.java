package com.homemadealexa.audioserver;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jspecify.annotations.Nullable;

/**
 * What a posted WAV holds, read from its RIFF header: only what {@code aplay} plays (PCM
 * or float, 8 to 32 bits, 1 to 8 channels, 8 to 192 kHz) is accepted.
 *
 * @param sampleRate frames per second
 * @param bits bits per sample
 * @param channels channels
 * @param dataBytes length of the samples (the {@code data} chunk), as far as the body
 * goes
 */
record WavHeader(int sampleRate, int bits, int channels, long dataBytes) {

	private static final int FORMAT_PCM = 1;

	private static final int FORMAT_FLOAT = 3;

	private static final int FORMAT_EXTENSIBLE = 0xFFFE;

	/** Seconds of sound the samples last. */
	double seconds() {
		return this.dataBytes / (double) (this.sampleRate * this.channels * (this.bits / 8));
	}

	/**
	 * @param wav the whole body
	 * @return its header
	 * @throws IllegalArgumentException with a one-sentence reason when it is not a WAV
	 * that can be played
	 */
	static WavHeader read(byte[] wav) {
		if (wav.length < 12 || !tag(wav, 0, "RIFF") || !tag(wav, 8, "WAVE")) {
			throw new IllegalArgumentException("The body is not a WAV file (no RIFF/WAVE header).");
		}
		ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		long next = 12;
		@Nullable WavHeader format = null;
		while (next + 8 <= wav.length) {
			int at = (int) next;
			long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
			if (tag(wav, at, "fmt ")) {
				if (size < 16 || at + 8 + 16 > wav.length) {
					throw new IllegalArgumentException("The WAV's fmt chunk is truncated.");
				}
				format = format(buffer, at + 8);
			}
			else if (tag(wav, at, "data")) {
				if (format == null) {
					throw new IllegalArgumentException("The WAV has no fmt chunk before its data.");
				}
				long available = Math.min(size, wav.length - (at + 8L));
				if (available <= 0) {
					throw new IllegalArgumentException("The WAV holds no samples.");
				}
				return new WavHeader(format.sampleRate, format.bits, format.channels, available);
			}
			next = at + 8L + size + (size & 1);
		}
		throw new IllegalArgumentException("The WAV has no data chunk.");
	}

	private static WavHeader format(ByteBuffer buffer, int at) {
		int code = Short.toUnsignedInt(buffer.getShort(at));
		int channels = Short.toUnsignedInt(buffer.getShort(at + 2));
		int rate = buffer.getInt(at + 4);
		int bits = Short.toUnsignedInt(buffer.getShort(at + 14));
		if (code != FORMAT_PCM && code != FORMAT_FLOAT && code != FORMAT_EXTENSIBLE) {
			throw new IllegalArgumentException(
					"The WAV's encoding (format " + code + ") is not played: send PCM or float samples.");
		}
		if (channels < 1 || channels > 8) {
			throw new IllegalArgumentException("The WAV has " + channels + " channels; 1 to 8 are played.");
		}
		if (rate < 8000 || rate > 192000) {
			throw new IllegalArgumentException("The WAV's sample rate " + rate + " Hz is outside 8000 to 192000 Hz.");
		}
		if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
			throw new IllegalArgumentException("The WAV has " + bits + "-bit samples; 8, 16, 24 or 32 are played.");
		}
		return new WavHeader(rate, bits, channels, 0);
	}

	private static boolean tag(byte[] bytes, int at, String tag) {
		for (int i = 0; i < 4; i++) {
			if (bytes[at + i] != tag.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}

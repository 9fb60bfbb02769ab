package com.homemadealexa.audio;

/**
 * Raw little-endian signed PCM, as devices send it.
 *
 * @param sampleRate samples per second
 * @param bits bits per sample (8, 16, 24 or 32)
 * @param channels interleaved channels
 */
public record PcmFormat(int sampleRate, int bits, int channels) {

	/** What devices send by default, and what every reply is normalised to. */
	public static final PcmFormat SPEECH = new PcmFormat(16000, 16, 1);

	public int bytesPerSecond() {
		return this.sampleRate * this.bits / 8 * this.channels;
	}

}

package com.homemadealexa.audio;

import java.time.Duration;

/**
 * Decoded audio: raw little-endian signed PCM and its format.
 *
 * @param format how {@code data} is laid out
 * @param data whole frames of PCM; the array is shared, not copied
 */
public record PcmAudio(PcmFormat format, byte[] data) {

	public Duration duration() {
		return Wav.duration(this.data.length, this.format);
	}

}

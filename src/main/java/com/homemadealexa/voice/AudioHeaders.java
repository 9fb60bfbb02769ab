package com.homemadealexa.voice;

import java.util.Locale;
import java.util.Set;

import com.homemadealexa.audio.PcmFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The {@code x-audio-*} headers of an upload, checked: only PCM is understood, and the
 * format must be one a microphone can produce.
 */
final class AudioHeaders {

	private static final Set<Integer> BITS = Set.of(8, 16, 24, 32);

	private AudioHeaders() {
	}

	static PcmFormat parse(@Nullable String codec, @Nullable String sampleRate, @Nullable String bits,
			@Nullable String channels) {
		if (codec != null && !codec.strip().toLowerCase(Locale.ROOT).equals("pcm")) {
			throw new AudioRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Only raw PCM audio is accepted (x-audio-codec: pcm), not '" + printable(codec) + "'.");
		}
		int rate = number("x-audio-sample-rate", sampleRate, 16000);
		int depth = number("x-audio-bits", bits, 16);
		int channelCount = number("x-audio-channel", channels, 1);
		if (rate < 8000 || rate > 48000) {
			throw new AudioRejectedException(HttpStatus.BAD_REQUEST,
					"x-audio-sample-rate must be between 8000 and 48000 Hz.");
		}
		if (!BITS.contains(depth)) {
			throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "x-audio-bits must be 8, 16, 24 or 32.");
		}
		if (channelCount < 1 || channelCount > 2) {
			throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "x-audio-channel must be 1 or 2.");
		}
		return new PcmFormat(rate, depth, channelCount);
	}

	private static int number(String header, @Nullable String value, int defaultValue) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new AudioRejectedException(HttpStatus.BAD_REQUEST, header + " must be a whole number.");
		}
	}

	private static String printable(String value) {
		String cleaned = value.replaceAll("[^\\p{Print}]", "?");
		return (cleaned.length() > 40) ? cleaned.substring(0, 40) + "…" : cleaned;
	}

}

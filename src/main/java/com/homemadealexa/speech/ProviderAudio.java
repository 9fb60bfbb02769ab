package com.homemadealexa.speech;

import java.time.Duration;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.Wav;

/**
 * Checks a voice's WAV before anything trusts its header: a provider that claims 4 Hz for
 * 40 KB of audio would otherwise become a 200 MiB reply and keep a device waiting for an
 * hour. The rate must be a real speech rate and the sentence no longer than any sentence
 * is spoken.
 */
final class ProviderAudio {

	static final int MIN_RATE = 8_000;

	static final int MAX_RATE = 48_000;

	/** Generous for one sentence; a voice saying more is lying or broken. */
	static final Duration MAX_SENTENCE = Duration.ofSeconds(60);

	private ProviderAudio() {
	}

	/**
	 * @throws SpeechException when the WAV cannot be read, has an implausible rate or is
	 * too long for a sentence
	 */
	static byte[] checked(byte[] wav, String provider) {
		Wav.Described audio;
		try {
			audio = Wav.describe(wav);
		}
		catch (InvalidAudioException ex) {
			throw new SpeechException(provider + " returned unreadable audio: " + ex.getMessage());
		}
		int rate = audio.format().sampleRate();
		if (rate < MIN_RATE || rate > MAX_RATE) {
			throw new SpeechException(
					provider + " returned audio at " + rate + " Hz (expected " + MIN_RATE + "–" + MAX_RATE + " Hz)");
		}
		if (audio.duration().compareTo(MAX_SENTENCE) > 0) {
			throw new SpeechException(provider + " returned " + audio.duration().toSeconds()
					+ " s of audio for one sentence (at most " + MAX_SENTENCE.toSeconds() + " s)");
		}
		return wav;
	}

}

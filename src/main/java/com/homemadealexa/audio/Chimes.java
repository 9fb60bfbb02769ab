package com.homemadealexa.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The start chime (played on the wake word) and the end chime (played when a conversation
 * ends), as 16 kHz, 16-bit, mono WAVs. They come from {@code start.wav} and
 * {@code end.wav} in {@code sounds.dir} when it is set, otherwise from the chimes shipped
 * in the jar. A configured file that is missing or unreadable is reported once at
 * start-up and replaced by the shipped one. Read once; thread-safe.
 *
 * <p>
 * The shipped chimes are two short sine tones each (start rising, end falling), made with
 * {@code sox -n -r 16000 -b 16 -c 1 a.wav synth 0.11 sine 784 fade q 0.01 0.11 0.04 vol 0.45},
 * a 0.18 s tone at 1047 Hz, and {@code sox a.wav b.wav start.wav}.
 */
@Component
public class Chimes {

	private static final Logger log = LoggerFactory.getLogger(Chimes.class);

	private final byte[] start;

	private final byte[] end;

	public Chimes(SoundSettings settings) {
		this.start = load(settings.dir(), "start.wav");
		this.end = load(settings.dir(), "end.wav");
	}

	/** The wake-word chime; a fresh copy the caller may keep. */
	public byte[] startChime() {
		return this.start.clone();
	}

	/** The end-of-conversation chime; a fresh copy the caller may keep. */
	public byte[] endChime() {
		return this.end.clone();
	}

	private static byte[] load(String dir, String name) {
		if (!dir.isBlank()) {
			Path file = Path.of(dir).resolve(name);
			try {
				return Wav.toSpeechWav(Files.readAllBytes(file));
			}
			catch (IOException | InvalidAudioException ex) {
				log.warn("Chime {} is unusable ({}): using the shipped one", file, ex.getMessage());
			}
		}
		return shipped(name);
	}

	private static byte[] shipped(String name) {
		try (InputStream in = Chimes.class.getResourceAsStream("/sounds/" + name)) {
			if (in == null) {
				throw new IllegalStateException("The shipped chime sounds/" + name + " is missing from the jar");
			}
			return Wav.toSpeechWav(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package com.homemadealexa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.Wav;

/**
 * Where replies are saved and how they are described.
 */
final class ReplyFiles {

	private ReplyFiles() {
	}

	/** {@code question.wav} → {@code question-reply.wav} in {@code folder}. */
	static Path replyFor(Path input, Path folder) {
		String name = input.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		return folder.resolve(stem + "-reply.wav");
	}

	/**
	 * Writes the reply and says how long it plays.
	 * @return e.g. {@code 2.4 s of audio}
	 */
	static String save(byte[] wav, Path file) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			Files.write(file, wav);
		}
		catch (IOException ex) {
			throw new CliException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		try {
			return seconds(Wav.duration(wav)) + " of audio";
		}
		catch (InvalidAudioException ex) {
			return "not a WAV the client can read: " + ex.getMessage();
		}
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
	}

}

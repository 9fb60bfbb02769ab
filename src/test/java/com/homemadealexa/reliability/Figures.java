package com.homemadealexa.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The measured figures of a run: printed, and appended to
 * {@code target/reliability-figures.txt} so docs/reliability.md can be updated from the
 * last run.
 */
final class Figures {

	private static final Path FILE = Path.of("target", "reliability-figures.txt");

	private Figures() {
	}

	static synchronized void record(String suite, String figure, Object value) {
		String line = "[reliability] " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + suite + ": "
				+ figure + " = " + value;
		System.out.println(line);
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, line + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

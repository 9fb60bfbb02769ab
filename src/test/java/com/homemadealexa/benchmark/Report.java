package com.homemadealexa.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Prints the figures and appends them to {@code target/benchmark-results.txt}, so a long
 * run can be read after the build's own output has scrolled by.
 */
final class Report {

	private static final Path FILE = Path.of("target", "benchmark-results.txt");

	private Report() {
	}

	/**
	 * The machine the figures come from, and how busy it was: on a shared machine the
	 * load average says whether other work competed.
	 */
	static void machine() {
		String cpu = read("/proc/cpuinfo").lines()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("?");
		String memory = read("/proc/meminfo").lines()
			.filter((line) -> line.startsWith("MemTotal"))
			.map((line) -> line.replaceAll("\\D+", ""))
			.map((kb) -> Long.parseLong(kb) / 1024 / 1024 + " GB")
			.findFirst()
			.orElse("?");
		line("machine: %d cores (%s), %s RAM, %s %s, Java %s, load average %s",
				Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name"),
				System.getProperty("os.version"), Runtime.version(), read("/proc/loadavg").strip());
	}

	/** {@code /proc/loadavg}: 1, 5 and 15 minutes. */
	static String loadAverage() {
		String[] fields = read("/proc/loadavg").strip().split(" ");
		return (fields.length >= 3) ? fields[0] + " / " + fields[1] + " / " + fields[2] : "?";
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			return "";
		}
	}

	static synchronized void line(String format, Object... arguments) {
		String line = String.format(java.util.Locale.ROOT, format, arguments);
		System.out.println("BENCHMARK " + line);
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

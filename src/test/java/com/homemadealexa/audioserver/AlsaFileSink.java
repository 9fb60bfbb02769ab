package com.homemadealexa.audioserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real ALSA sink without a sound card: a test-only ALSA configuration (the system's
 * {@code alsa.conf} plus a {@code file} PCM over {@code null} as the default device),
 * given to aplay through {@code ALSA_CONFIG_PATH}, makes aplay write exactly the samples
 * it plays to {@link #samples()}. With {@link #fifo} that is a named pipe, so the test
 * decides how fast the "speaker" takes the samples and aplay blocks like on a real card.
 * A machine without alsa-utils fails the test with the package to install.
 */
final class AlsaFileSink {

	private static final Path SYSTEM_CONFIG = Path.of("/usr/share/alsa/alsa.conf");

	private static final Path APLAY = Path.of("/usr/bin/aplay");

	private final Path config;

	private final Path samples;

	private AlsaFileSink(Path config, Path samples) {
		this.config = config;
		this.samples = samples;
	}

	/** Samples go to a regular file. */
	static AlsaFileSink file(Path folder) throws IOException {
		return create(folder, folder.resolve("played.raw"), false);
	}

	/** Samples go to a named pipe that the test reads. */
	static AlsaFileSink fifo(Path folder) throws IOException {
		return create(folder, folder.resolve("speaker.fifo"), true);
	}

	private static AlsaFileSink create(Path folder, Path samples, boolean fifo) throws IOException {
		assertThat(Files.isExecutable(APLAY) && Files.isRegularFile(SYSTEM_CONFIG))
			.as("The audio server tests need ALSA's aplay: install Debian's alsa-utils (./test does)")
			.isTrue();
		if (fifo) {
			mkfifo(samples);
		}
		String sink = "\npcm.!default { type file; slave.pcm \"null\"; file \"" + samples + "\"; format \"raw\" }\n";
		Path config = folder.resolve("alsa.conf");
		Files.writeString(config, Files.readString(SYSTEM_CONFIG, StandardCharsets.UTF_8) + sink);
		return new AlsaFileSink(config, samples);
	}

	private static void mkfifo(Path path) throws IOException {
		try {
			Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
			assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo " + path).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** What aplay's environment needs to play into this sink. */
	Map<String, String> environment() {
		return Map.of("ALSA_CONFIG_PATH", this.config.toString());
	}

	/** Where the played samples go. */
	Path samples() {
		return this.samples;
	}

	static String aplay() {
		return APLAY.toString();
	}

}

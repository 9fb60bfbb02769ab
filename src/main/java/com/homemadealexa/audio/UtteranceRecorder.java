package com.homemadealexa.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps received utterances as WAVs in {@code audio.log_dir} when
 * {@code audio.save_audio} is on, named {@code yyyyMMdd-HHmmss-SSS_<utterance id>.wav},
 * and deletes the oldest WAVs beyond {@code audio.log_max_files}. Thread-safe; never
 * throws, because a full disk must not break the conversation.
 */
@Component
public class UtteranceRecorder {

	private static final Logger log = LoggerFactory.getLogger(UtteranceRecorder.class);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private static final int MAX_ID_LENGTH = 64;

	private final AudioSettings settings;

	private final Clock clock;

	@Autowired
	public UtteranceRecorder(AudioSettings settings) {
		this(settings, Clock.systemDefaultZone());
	}

	UtteranceRecorder(AudioSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Saves one utterance if saving is enabled.
	 * @param utteranceId goes into the file name (unsafe characters are replaced)
	 * @param pcm the utterance as received
	 * @param format its format
	 * @return the written file, or empty when saving is off or failed
	 */
	public Optional<Path> save(String utteranceId, byte[] pcm, PcmFormat format) {
		if (!this.settings.saveAudio()) {
			return Optional.empty();
		}
		Path dir = this.settings.logDir();
		String name = TIMESTAMP.format(LocalDateTime.now(this.clock)) + "_" + safe(utteranceId) + ".wav";
		try {
			Files.createDirectories(dir);
			Path file = Files.write(dir.resolve(name), Wav.encode(pcm, format));
			pruneOldest(dir);
			return Optional.of(file);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not save utterance {} in {}: {}", utteranceId, dir, ex.toString());
			return Optional.empty();
		}
	}

	// Synchronised so that two utterances finishing together do not both delete the same
	// file.
	private synchronized void pruneOldest(Path dir) throws IOException {
		List<Path> wavs = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".wav"))
				.filter(Files::isRegularFile)
				.forEach(wavs::add);
		}
		int excess = wavs.size() - this.settings.logMaxFiles();
		if (excess <= 0) {
			return;
		}
		// Oldest first: modification time, then the name (which starts with the time).
		wavs.sort(Comparator.comparing(UtteranceRecorder::modified).thenComparing(Path::getFileName));
		for (Path file : wavs.subList(0, excess)) {
			Files.deleteIfExists(file);
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static String safe(String utteranceId) {
		String safe = utteranceId.replaceAll("[^A-Za-z0-9_-]", "_");
		return (safe.length() > MAX_ID_LENGTH) ? safe.substring(0, MAX_ID_LENGTH) : safe;
	}

}

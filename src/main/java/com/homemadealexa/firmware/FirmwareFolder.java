package com.homemadealexa.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code .bin} files in {@code firmware.dir}, created at start-up when missing. Every
 * name coming from a client is checked here: one that could leave the folder is a 400,
 * one that is not a {@code .bin} there is a 404.
 */
@Component
class FirmwareFolder {

	private static final Logger log = LoggerFactory.getLogger(FirmwareFolder.class);

	static final String SUFFIX = ".bin";

	// Uploaded names end up in OTA URLs, so they are kept to characters that need no
	// escaping there.
	private static final Pattern UPLOAD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}\\.bin");

	private final Path dir;

	FirmwareFolder(FirmwareSettings settings) throws IOException {
		this.dir = settings.dir().toAbsolutePath().normalize();
		Files.createDirectories(this.dir);
		log.info("Firmware folder: {}", this.dir);
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * @return names of the {@code .bin} files, sorted
	 */
	List<String> names() {
		return binaries().map((file) -> file.getFileName().toString()).sorted().toList();
	}

	/**
	 * @return the most recently modified {@code .bin} file's name
	 */
	Optional<String> newest() {
		return binaries().max(Comparator.comparing(FirmwareFolder::modified).thenComparing(Path::getFileName))
			.map((file) -> file.getFileName().toString());
	}

	/**
	 * @return the file with this name
	 * @throws ErrorResponseException 400 when the name could leave the folder, 404 when
	 * it is not a {@code .bin} file there
	 */
	Path existing(String name) {
		Path file = inside(name);
		if (!name.endsWith(SUFFIX) || !Files.isRegularFile(file)) {
			throw problem(HttpStatus.NOT_FOUND, "No firmware file " + name);
		}
		return file;
	}

	/**
	 * Stores an upload, replacing a file of the same name. It is written next to its
	 * final place first, so a device never downloads a half-written image.
	 * @return the size in bytes
	 * @throws ErrorResponseException 400 for a name that is not a plain {@code .bin} name
	 */
	long save(String name, InputStream content) {
		if (!UPLOAD_NAME.matcher(name).matches() || name.contains("..")) {
			throw problem(HttpStatus.BAD_REQUEST,
					"A firmware file needs a plain name ending in .bin (letters, digits, . _ + -)");
		}
		Path target = inside(name);
		try {
			Path temporary = Files.createTempFile(this.dir, ".upload-", ".part");
			try {
				long size = Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				log.info("Firmware {} saved ({} bytes)", name, size);
				return size;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Saving firmware " + name + " failed", ex);
		}
	}

	private Path inside(String name) {
		if (name.isEmpty() || name.contains("..") || name.contains("/") || name.contains("\\")
				|| name.indexOf('\0') >= 0) {
			throw problem(HttpStatus.BAD_REQUEST, "A firmware name must not leave the firmware folder");
		}
		Path file;
		try {
			file = this.dir.resolve(name).normalize();
		}
		catch (InvalidPathException ex) {
			// A name the file system cannot spell (a lone surrogate, or non-ASCII under
			// a C locale) names no firmware.
			throw problem(HttpStatus.BAD_REQUEST, "A firmware name must be a plain file name");
		}
		if (!this.dir.equals(file.getParent())) {
			throw problem(HttpStatus.BAD_REQUEST, "A firmware name must not leave the firmware folder");
		}
		return file;
	}

	private Stream<Path> binaries() {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(SUFFIX))
				.filter(Files::isRegularFile)
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Listing the firmware folder failed", ex);
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

	static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}

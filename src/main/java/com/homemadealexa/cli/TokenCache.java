package com.homemadealexa.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last token on disk ({@code ~/.cache/homemade-alexa/token.json} by default), for one
 * server and user: a token for another server or user is ignored and overwritten. The
 * file is readable by its owner only, as it lets anyone who reads it talk to the
 * assistant.
 */
final class TokenCache {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path file;

	TokenCache(Path file) {
		this.file = file;
	}

	/** {@code $XDG_CACHE_HOME/homemade-alexa/token.json}, else under {@code ~/.cache}. */
	static Path defaultFile(@Nullable String xdgCacheHome) {
		Path base = (xdgCacheHome != null && !xdgCacheHome.isBlank()) ? Path.of(xdgCacheHome)
				: Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("homemade-alexa").resolve("token.json");
	}

	Path file() {
		return this.file;
	}

	/**
	 * @return the cached token for this server and user; empty when there is none or the
	 * file is unreadable (then the caller logs in again)
	 */
	Optional<String> load(URI server, String username) {
		if (!Files.isRegularFile(this.file)) {
			return Optional.empty();
		}
		try {
			Entry entry = json.readValue(this.file.toFile(), Entry.class);
			boolean matches = server.toString().equals(entry.server()) && username.equals(entry.username());
			return (matches && entry.token() != null && !entry.token().isBlank()) ? Optional.of(entry.token())
					: Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Replaces the file at once (written aside, then moved), so a concurrent reader never
	 * sees half a token.
	 */
	void save(URI server, String username, String token) {
		try {
			Path folder = this.file.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, ".token", ".json");
			try {
				ownerOnly(temporary);
				Files.writeString(temporary, json.writeValueAsString(new Entry(server.toString(), username, token)));
				move(temporary);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new CliException("Cannot write the token cache " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	private void move(Path temporary) throws IOException {
		try {
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void ownerOnly(Path path) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the user's profile folder protects it.
		}
	}

	record Entry(@Nullable String server, @Nullable String username, @Nullable String token) {
	}

}

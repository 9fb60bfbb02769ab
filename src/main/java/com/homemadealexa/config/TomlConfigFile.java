package com.homemadealexa.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code config.toml} into flat Spring property names.
 *
 * <p>
 * The embedded defaults (the shipped {@code config.toml}, copied into the jar) come first
 * and the user's file overrides them. TOML names are snake_case; Spring's are kebab-case,
 * so {@code [auth] jwt_secret} becomes {@code auth.jwt-secret}. Environment variables are
 * not read here: this property source sits below Spring's own, whose relaxed binding maps
 * {@code auth.jwt-secret} to {@code AUTH_JWT_SECRET} and takes a comma-separated variable
 * for a whole list.
 */
final class TomlConfigFile {

	static final String EMBEDDED_DEFAULTS = "/embedded/config.toml";

	private TomlConfigFile() {
	}

	/**
	 * Loads and merges the defaults and the file (may be absent).
	 */
	static Map<String, Object> load(Path file, boolean fileRequired) {
		return load(file, fileRequired, (warning) -> {
		});
	}

	/**
	 * Loads and merges the defaults and the file (may be absent), and reports each
	 * section or key of the file that the shipped config.toml does not know.
	 */
	static Map<String, Object> load(Path file, boolean fileRequired, Consumer<String> warnings) {
		UnmodifiableConfig defaults = embeddedDefaults();
		Map<String, Object> properties = new LinkedHashMap<>(flatten(defaults));
		if (Files.isRegularFile(file)) {
			UnmodifiableConfig parsed = parse(file);
			new UnknownKeys(defaults).describe(parsed).forEach(warnings);
			Map<String, Object> fromFile = flatten(parsed);
			removeListsReplacedBy(properties, fromFile);
			properties.putAll(fromFile);
		}
		else if (fileRequired) {
			throw new ConfigurationException("The configuration file " + file.toAbsolutePath() + " does not exist.");
		}
		return properties;
	}

	/**
	 * @return the environment variable Spring binds to the property, e.g.
	 * {@code AUTH_JWT_SECRET} for {@code auth.jwt-secret}
	 */
	static String environmentName(String propertyName) {
		return propertyName.replaceAll("[.\\-\\[\\]]+", "_").replaceAll("_$", "").toUpperCase();
	}

	private static UnmodifiableConfig embeddedDefaults() {
		try (InputStream in = TomlConfigFile.class.getResourceAsStream(EMBEDDED_DEFAULTS)) {
			if (in == null) {
				throw new ConfigurationException("The embedded default configuration " + EMBEDDED_DEFAULTS
						+ " is missing from the jar: build it with ./mvnw package.");
			}
			return new TomlParser().parse(in);
		}
		catch (IOException ex) {
			throw new ConfigurationException("The embedded default configuration cannot be read: " + ex.getMessage());
		}
	}

	private static UnmodifiableConfig parse(Path file) {
		try (PositionReader reader = new PositionReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
			try {
				return new TomlParser().parse(reader);
			}
			catch (ParsingException ex) {
				throw new ConfigurationException("The configuration file " + file + " is not valid TOML at line "
						+ reader.line() + ", column " + reader.column() + ": " + oneLine(ex.getMessage()) + ".");
			}
		}
		catch (IOException ex) {
			throw new ConfigurationException("The configuration file " + file + " cannot be read: " + ex.getMessage());
		}
	}

	private static String oneLine(@Nullable String message) {
		if (message == null) {
			return "unknown error";
		}
		return message.replace("\r", "\\r").replace("\n", "\\n").replaceAll("\\.$", "");
	}

	private static Map<String, Object> flatten(UnmodifiableConfig config) {
		Map<String, Object> result = new LinkedHashMap<>();
		flattenInto("", config, result);
		return result;
	}

	private static void flattenInto(String prefix, UnmodifiableConfig config, Map<String, Object> result) {
		for (UnmodifiableConfig.Entry entry : config.entrySet()) {
			flattenValue(prefix + entry.getKey().replace('_', '-'), entry.getValue(), result);
		}
	}

	private static void flattenValue(String name, Object value, Map<String, Object> result) {
		if (value instanceof UnmodifiableConfig table) {
			flattenInto(name + ".", table, result);
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flattenValue(name + "[" + i + "]", list.get(i), result);
			}
		}
		else {
			result.put(name, value);
		}
	}

	/**
	 * A list in the user's file replaces the default list whole, not element by element.
	 */
	private static void removeListsReplacedBy(Map<String, Object> defaults, Map<String, Object> fromFile) {
		fromFile.keySet()
			.stream()
			.filter((name) -> name.contains("["))
			.map((name) -> name.substring(0, name.indexOf('[')))
			.distinct()
			.forEach((list) -> defaults.keySet().removeIf((name) -> name.startsWith(list + "[")));
	}

}

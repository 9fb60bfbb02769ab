package com.homemadealexa.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration mistake into one sentence naming the {@code config.toml} key,
 * instead of a long stack trace.
 */
class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final Pattern CONVERSION = Pattern.compile("Failed to convert to type ([\\w.$]+)");

	private static final String ACTION = "Fix the key in config.toml or its environment variable, then start again.";

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConfigurationException ex) {
				return new FailureAnalysis(ex.getMessage(), ACTION, ex);
			}
			if (cause instanceof BindValidationException ex) {
				String errors = ex.getValidationErrors()
					.getAllErrors()
					.stream()
					.map((error) -> describe(ex.getValidationErrors().getName().toString(), error))
					.collect(Collectors.joining(" "));
				return new FailureAnalysis(errors, ACTION, ex);
			}
			if (cause instanceof InvalidConfigurationPropertyValueException ex) {
				// Read straight from the environment (e.g. server.port), not bound to a
				// record.
				Matcher type = CONVERSION.matcher(String.valueOf(ex.getReason()));
				String expected = type.find() ? words(type.group(1)) : null;
				String key = tomlKey(ex.getName());
				return new FailureAnalysis(
						"Configuration key " + key + ((expected != null) ? " must be " + expected : " is invalid")
								+ " (it is '" + ex.getValue() + "').",
						ACTION, ex);
			}
			if (cause instanceof BindException ex && ex.getProperty() != null) {
				String key = tomlKey(ex.getProperty().getName().toString());
				String expected = expectedType(ex);
				if (expected != null) {
					return new FailureAnalysis("Configuration key " + key + " must be " + expected + " (it is '"
							+ ex.getProperty().getValue() + "').", ACTION, ex);
				}
				return new FailureAnalysis("Configuration key " + key + " has the invalid value '"
						+ ex.getProperty().getValue() + "'" + reason(ex) + ".", ACTION, ex);
			}
		}
		return null;
	}

	private static String describe(String prefix, ObjectError error) {
		if (error instanceof FieldError field) {
			return "Configuration key " + tomlKey(prefix + "." + field.getField()) + " " + field.getDefaultMessage()
					+ " (it is '" + field.getRejectedValue() + "').";
		}
		return "Configuration section [" + prefix + "]: " + error.getDefaultMessage() + ".";
	}

	/**
	 * What a value of the wrong type should have been, in the words of the validation
	 * messages ("must be a whole number"), or null when the failure is not about the
	 * type.
	 */
	private static @Nullable String expectedType(BindException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConversionFailedException conversion) {
				return words(conversion.getTargetType().getType());
			}
		}
		return null;
	}

	private static @Nullable String words(String typeName) {
		try {
			return words(switch (typeName) {
				case "int" -> int.class;
				case "long" -> long.class;
				case "boolean" -> boolean.class;
				case "double" -> double.class;
				default -> Class.forName(typeName);
			});
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static String words(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class) {
			return "a whole number";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> "\"" + constant.toString().toLowerCase(Locale.ROOT) + "\"")
				.collect(Collectors.joining(", "));
		}
		if (type == Duration.class) {
			return "a duration such as \"30s\"";
		}
		return "a valid " + type.getSimpleName();
	}

	private static String reason(BindException ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return (root != ex && root.getMessage() != null) ? ": " + root.getMessage().lines().findFirst().orElse("") : "";
	}

	/**
	 * {@code auth.jwtExpireDays} or {@code auth.jwt-expire-days} as the user wrote it:
	 * {@code [auth] jwt_expire_days}.
	 */
	static String tomlKey(String propertyName) {
		String snake = propertyName.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toLowerCase();
		int dot = snake.indexOf('.');
		if (dot < 0) {
			return snake;
		}
		return "[" + snake.substring(0, dot) + "] " + snake.substring(dot + 1) + " ("
				+ TomlConfigFile.environmentName(propertyName.replaceAll("([a-z])([A-Z])", "$1-$2")) + ")";
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

package com.homemadealexa.config;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration mistake into one sentence naming the {@code config.toml} key,
 * instead of a long stack trace.
 */
class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

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
			if (cause instanceof BindException ex && ex.getProperty() != null) {
				String key = tomlKey(ex.getProperty().getName().toString());
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

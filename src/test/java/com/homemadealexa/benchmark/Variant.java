package com.homemadealexa.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One way of starting the server, so that a benchmark can alternate several in one run
 * (the same machine, the same load). {@code -Dbenchmark.variants} lists them, separated
 * by {@code ;}, each as {@code label:options}: options of the form {@code env:KEY=VALUE}
 * set an environment variable of the launcher, the others are {@code JAVA_OPTS}. Example:
 * {@code "shipped:;no AOT cache:env:ALEXA_AOT=off;G1:-XX:+UseG1GC"}.
 */
record Variant(String label, String javaOptions, Map<String, String> environment) {

	static List<Variant> fromProperty() {
		String spec = System.getProperty("benchmark.variants", "as shipped:");
		return Arrays.stream(spec.split(";")).map(String::strip).filter((part) -> !part.isEmpty()).map((part) -> {
			int colon = part.indexOf(':');
			String label = (colon < 0) ? part : part.substring(0, colon);
			String options = (colon < 0) ? "" : part.substring(colon + 1);
			Map<String, String> environment = new LinkedHashMap<>();
			String javaOptions = Arrays.stream(options.split("\\s+")).filter((option) -> {
				if (option.startsWith("env:")) {
					String assignment = option.substring("env:".length());
					int equals = assignment.indexOf('=');
					environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
					return false;
				}
				return !option.isEmpty();
			}).collect(Collectors.joining(" "));
			return new Variant(label, javaOptions, environment);
		}).toList();
	}

	@Override
	public String toString() {
		return this.label + " (JAVA_OPTS=\"" + this.javaOptions + "\", env " + this.environment + ")";
	}

}

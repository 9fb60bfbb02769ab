package com.homemadealexa.benchmark;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.management.ObjectName;

/**
 * This JVM's class histogram ({@code jcmd GC.class_histogram}, which collects first), to
 * say what a connection's heap is made of.
 */
final class HeapHistogram {

	private HeapHistogram() {
	}

	/**
	 * @return class name → {instances, bytes}
	 */
	static Map<String, long[]> take() throws Exception {
		String text = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { null }, new String[] { String[].class.getName() });
		Map<String, long[]> classes = new HashMap<>();
		for (String line : text.lines().toList()) {
			String[] columns = line.strip().split("\\s+");
			if (columns.length >= 4 && columns[0].endsWith(":")) {
				classes.put(columns[3], new long[] { Long.parseLong(columns[1]), Long.parseLong(columns[2]) });
			}
		}
		return classes;
	}

	/** The classes whose bytes grew most, per connection. */
	static String growthPerConnection(Map<String, long[]> before, Map<String, long[]> after, int connections, int top) {
		return after.entrySet().stream().map((entry) -> {
			long[] old = before.getOrDefault(entry.getKey(), new long[2]);
			return Map.entry(entry.getKey(), new long[] { entry.getValue()[0] - old[0], entry.getValue()[1] - old[1] });
		})
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.limit(top)
			.map((entry) -> String.format(Locale.ROOT, "%s %.1f KB (%.1f objects)", entry.getKey(),
					entry.getValue()[1] / 1024.0 / connections, entry.getValue()[0] / (double) connections))
			.collect(Collectors.joining("; "));
	}

}

package com.homemadealexa.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.electronwill.nightconfig.core.UnmodifiableConfig;

/**
 * Finds the sections and keys of a user's {@code config.toml} that the shipped one does
 * not have, each with the nearest known name. The shipped {@code config.toml} (the
 * embedded defaults) is the only list of known keys, so a key added there is known
 * everywhere.
 *
 * <p>
 * Unknown names are warnings, not failures: a config.toml carried over from the Python
 * server may hold keys this server does not use, and it must keep starting.
 */
final class UnknownKeys {

	private final Set<String> known;

	private final Set<String> knownSections;

	/**
	 * @param defaults the shipped config.toml
	 */
	UnknownKeys(UnmodifiableConfig defaults) {
		this.known = names(defaults);
		this.knownSections = this.known.stream().map(UnknownKeys::section).collect(Collectors.toSet());
	}

	/**
	 * @param file the user's config.toml, parsed
	 * @return one sentence per unknown section or key, sorted
	 */
	List<String> describe(UnmodifiableConfig file) {
		Set<String> reportedSections = new LinkedHashSet<>();
		List<String> messages = new ArrayList<>();
		for (String name : names(file)) {
			if (isKnown(name)) {
				continue;
			}
			String section = section(name);
			if (!name.contains(".")) {
				messages.add("config.toml: the key " + name + " is outside any section and is ignored"
						+ nearest(name, leafOwners(name)).map((near) -> " (did you mean " + near + "?)").orElse("")
						+ ".");
			}
			else if (!this.knownSections.contains(section)) {
				if (reportedSections.add(section)) {
					messages.add("config.toml: unknown section [" + section + "] is ignored"
							+ nearest(section, this.knownSections).map((near) -> " (did you mean [" + near + "]?)")
								.orElse("")
							+ ".");
				}
			}
			else {
				String table = name.substring(0, name.lastIndexOf('.'));
				String key = name.substring(name.lastIndexOf('.') + 1);
				Set<String> siblings = this.known.stream()
					.filter((candidate) -> candidate.startsWith(table + ".")
							&& candidate.indexOf('.', table.length() + 1) < 0)
					.map((candidate) -> candidate.substring(table.length() + 1).replace("[]", ""))
					.collect(Collectors.toCollection(LinkedHashSet::new));
				messages.add("config.toml: unknown key " + key + " in " + tableName(table) + " is ignored"
						+ nearest(key, siblings).map((near) -> " (did you mean " + near + "?)").orElse("") + ".");
			}
		}
		messages.sort(null);
		return messages;
	}

	private boolean isKnown(String name) {
		// A list may also be written as one comma-separated string, like its variable.
		return this.known.contains(name) || this.known.contains(name + "[]")
				|| (name.endsWith("[]") && this.known.contains(name.substring(0, name.length() - 2)));
	}

	private Set<String> leafOwners(String key) {
		return this.known.stream()
			.filter((name) -> name.contains("."))
			.map((name) -> tableName(name.substring(0, name.lastIndexOf('.'))) + " "
					+ name.substring(name.lastIndexOf('.') + 1).replace("[]", ""))
			.filter((candidate) -> candidate.endsWith(" " + key) || distance(leaf(candidate), key) <= limit(key))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String leaf(String candidate) {
		return candidate.substring(candidate.lastIndexOf(' ') + 1);
	}

	/** The candidate closest to the name, if it is close enough to be a typo of it. */
	private static Optional<String> nearest(String name, Set<String> candidates) {
		return candidates.stream()
			.filter((candidate) -> distance(name, leaf(candidate)) <= limit(name))
			.min(Comparator.comparingInt((String candidate) -> distance(name, leaf(candidate))));
	}

	private static int limit(String name) {
		return Math.max(2, name.length() / 3);
	}

	private static String tableName(String table) {
		return table.endsWith("[]") ? "[[" + table.substring(0, table.length() - 2) + "]]" : "[" + table + "]";
	}

	private static String section(String name) {
		int dot = name.indexOf('.');
		String first = (dot < 0) ? name : name.substring(0, dot);
		return first.replace("[]", "");
	}

	/**
	 * Every key as {@code section.key}, snake_case as written; a list is {@code key[]}
	 * and the keys of an array of tables are {@code section.list[].key}.
	 */
	static Set<String> names(UnmodifiableConfig config) {
		Set<String> names = new LinkedHashSet<>();
		collect("", config, names);
		return names;
	}

	private static void collect(String prefix, UnmodifiableConfig config, Set<String> names) {
		for (UnmodifiableConfig.Entry entry : config.entrySet()) {
			String name = prefix + entry.getKey();
			Object value = entry.getValue();
			if (value instanceof UnmodifiableConfig table) {
				collect(name + ".", table, names);
			}
			else if (value instanceof List<?> list) {
				names.add(name + "[]");
				for (Object element : list) {
					if (element instanceof UnmodifiableConfig table) {
						collect(name + "[].", table, names);
					}
				}
			}
			else {
				names.add(name);
			}
		}
	}

	/** Levenshtein distance: how many one-letter edits turn one name into the other. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}

package com.homemadealexa.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes spoken text comparable: lower case, no punctuation, single spaces. Diacritics are
 * kept (a slot such as the text to say keeps them) but compared loosely, since
 * transcripts sometimes lose Polish letters: "wlacz" matches "włącz".
 */
final class TextNormalizer {

	private static final Map<Character, String> LOOSE_LETTERS = Map.ofEntries(Map.entry('a', "[aą]"),
			Map.entry('ą', "[aą]"), Map.entry('c', "[cć]"), Map.entry('ć', "[cć]"), Map.entry('e', "[eę]"),
			Map.entry('ę', "[eę]"), Map.entry('l', "[lł]"), Map.entry('ł', "[lł]"), Map.entry('n', "[nń]"),
			Map.entry('ń', "[nń]"), Map.entry('o', "[oó]"), Map.entry('ó', "[oó]"), Map.entry('s', "[sś]"),
			Map.entry('ś', "[sś]"), Map.entry('z', "[zźż]"), Map.entry('ź', "[zźż]"), Map.entry('ż', "[zźż]"));

	private TextNormalizer() {
	}

	static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}:]+", " ")
			.replaceAll("(?<!\\d):|:(?!\\d)", " ")
			.strip()
			.replaceAll("\\s+", " ");
	}

	/**
	 * @return a regular expression matching the letter with or without its diacritic
	 */
	static String letterClass(char c) {
		String loose = LOOSE_LETTERS.get(c);
		return (loose != null) ? loose : Pattern.quote(String.valueOf(c));
	}

	/**
	 * @return whether two words are equal, ignoring case and diacritics
	 */
	static boolean looselyEqual(String a, String b) {
		StringBuilder regex = new StringBuilder();
		normalize(b).chars().forEach((c) -> regex.append(letterClass((char) c)));
		return normalize(a).matches(regex.toString());
	}

}

package com.homemadealexa.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sentence template of a skill, compiled to a pattern that must match the whole
 * normalised utterance.
 *
 * <p>
 * Syntax: {@code (a|b)} one of, {@code [a|b]} optional, {@code {name}} a slot filling the
 * skill's argument {@code name}; {@code {name:time}} a time ("15:30", "o 7", "at 7:30",
 * "za 20 minut", "in 2 hours"). After {@code =>} come fixed arguments, {@code name=value}
 * separated by spaces.
 *
 * @param skill the skill's name
 * @param source the template as written, for messages
 * @param pattern the compiled pattern
 * @param slots slot name to slot type ({@code text} or {@code time})
 * @param fixed fixed arguments
 */
record SentenceTemplate(String skill, String source, Pattern pattern, Map<String, String> slots,
		Map<String, String> fixed) {

	private static final String TIME = "(?:(?:o|at|on|na|about|around) )?\\d{1,2}(?::\\d{2})?|(?:za|in) (?:\\d+ |pół |pol |half an? |an? )?\\p{L}+";

	static SentenceTemplate parse(String skill, String line) {
		String[] parts = line.split("=>", 2);
		Map<String, String> slots = new LinkedHashMap<>();
		String regex = compile(parts[0].strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), slots);
		Map<String, String> fixed = new LinkedHashMap<>();
		if (parts.length > 1) {
			for (String pair : parts[1].strip().split("[\\s,]+")) {
				String[] nameValue = pair.split("=", 2);
				if (nameValue.length != 2 || nameValue[0].isBlank()) {
					throw new IllegalArgumentException("fixed argument '" + pair + "' is not name=value");
				}
				fixed.put(nameValue[0], nameValue[1]);
			}
		}
		return new SentenceTemplate(skill, line, Pattern.compile(regex), slots, fixed);
	}

	/**
	 * @return the slot values if the whole normalised text matches
	 */
	Optional<Map<String, String>> match(String normalizedText) {
		Matcher matcher = this.pattern.matcher(normalizedText);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Map<String, String> values = new LinkedHashMap<>();
		this.slots.keySet().forEach((slot) -> values.put(slot, matcher.group(groupName(slot)).strip()));
		return Optional.of(values);
	}

	private static String compile(String template, Map<String, String> slots) {
		StringBuilder regex = new StringBuilder();
		List<Character> closers = new ArrayList<>();
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			switch (c) {
				case '(' -> {
					regex.append("(?:");
					closers.add(')');
				}
				case '[' -> {
					regex.append("(?:");
					closers.add(']');
				}
				case ')', ']' -> {
					if (closers.isEmpty() || closers.removeLast() != c) {
						throw new IllegalArgumentException("unbalanced '" + c + "'");
					}
					regex.append(c == ']' ? ")?" : ")");
				}
				case '|' -> regex.append('|');
				case '{' -> {
					int end = template.indexOf('}', i);
					if (end < 0) {
						throw new IllegalArgumentException("unclosed '{'");
					}
					String[] slot = template.substring(i + 1, end).strip().split(":", 2);
					String type = (slot.length > 1) ? slot[1].strip() : "text";
					if (!type.equals("text") && !type.equals("time")) {
						throw new IllegalArgumentException("unknown slot type '" + type + "'");
					}
					slots.put(slot[0].strip(), type);
					regex.append("(?<").append(groupName(slot[0].strip())).append('>');
					regex.append(type.equals("time") ? TIME : "\\S.*?").append(')');
					i = end;
				}
				case ' ' -> regex.append(" ?");
				default -> {
					if (!Character.isLetterOrDigit(c) && c != ':') {
						// Utterances lose their punctuation ("that's" is "that s"); so do
						// templates.
						regex.append(" ?");
						continue;
					}
					regex.append(TextNormalizer.letterClass(c));
					boolean wordEnds = i + 1 == template.length() || !Character.isLetterOrDigit(template.charAt(i + 1));
					if (wordEnds) {
						// A word ends here: "że" must not match the start of "żeby".
						regex.append("(?![\\p{L}\\p{N}])");
					}
				}
			}
		}
		if (!closers.isEmpty()) {
			throw new IllegalArgumentException("unclosed bracket");
		}
		return regex.toString();
	}

	private static String groupName(String slot) {
		return "s" + slot.replaceAll("[^A-Za-z0-9]", "");
	}

}

package com.homemadealexa.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text safe for one log line.
 */
public final class LogText {

	// A token travels in the webapp's WebSocket URL (/ws/public?token=...), which
	// framework debug lines print.
	private static final Pattern TOKEN_PARAMETER = Pattern.compile("([?&](?:token|access_token)=)[^&\\s\"'<>]+",
			Pattern.CASE_INSENSITIVE);

	private LogText() {
	}

	/**
	 * @return the text with every character that could start a new line or disguise the
	 * line escaped: C0 and C1 controls (CR, LF, NEL, ...), DEL, the Unicode line and
	 * paragraph separators and the bidirectional overrides; the same string when there is
	 * none
	 */
	public static String neutralize(String text) {
		int first = firstUnsafe(text);
		if (first < 0) {
			return text;
		}
		StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!unsafe(c)) {
				safe.append(c);
			}
			else if (c == '\n') {
				safe.append("\\n");
			}
			else if (c == '\r') {
				safe.append("\\r");
			}
			else if (c == '\t') {
				safe.append("\\t");
			}
			else {
				safe.append(String.format("\\u%04X", (int) c));
			}
		}
		return safe.toString();
	}

	/**
	 * @return the text with the value of any {@code token=} URL parameter replaced
	 */
	public static String maskTokens(String text) {
		if (indexOfIgnoreCase(text, "token=") < 0) {
			return text;
		}
		Matcher matcher = TOKEN_PARAMETER.matcher(text);
		return matcher.find() ? matcher.replaceAll("$1(hidden)") : text;
	}

	private static int indexOfIgnoreCase(String text, String part) {
		for (int i = 0; i + part.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, part, 0, part.length())) {
				return i;
			}
		}
		return -1;
	}

	private static int firstUnsafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (unsafe(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean unsafe(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
				|| (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

}

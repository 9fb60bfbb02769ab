package com.homemadealexa.speech.azure;

import java.util.Locale;

/**
 * The SSML document for one phrase. Text and attributes are escaped, and characters XML
 * does not allow are dropped, so any phrase (an LLM's answer included) yields a valid
 * document and cannot inject markup.
 */
final class Ssml {

	private Ssml() {
	}

	static String of(String text, Locale locale, String voice) {
		return "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\""
				+ escape(locale.toLanguageTag()) + "\"><voice name=\"" + escape(voice) + "\">" + escape(text)
				+ "</voice></speak>";
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (allowedInXml(c)) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

	private static boolean allowedInXml(int c) {
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}

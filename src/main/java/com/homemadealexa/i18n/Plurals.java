package com.homemadealexa.i18n;

import java.util.Locale;

/**
 * Chooses the grammatical number of a noun after a count: Polish has three forms
 * ({@code 1 przypomnienie}, {@code 2–4 przypomnienia}, {@code 5+ przypomnień},
 * {@code 12–14 przypomnień}, {@code 22–24 przypomnienia}), English two ({@code 1 degree},
 * {@code 2 degrees}). Other languages follow the English rule.
 *
 * <p>
 * Only whole numbers: a fraction takes yet another form in Polish ({@code 2,5 stopnia}).
 * The sign does not matter ({@code minus 2 stopnie}). Stateless and thread-safe.
 */
public final class Plurals {

	/**
	 * The form a noun takes after a count.
	 */
	public enum Form {

		/** Exactly one. */
		ONE,

		/** Polish 2–4, 22–24, 32–34, ... but not 12–14. */
		FEW,

		/** Everything else (English: every count but one). */
		MANY

	}

	private Plurals() {
	}

	/**
	 * @return the form a noun takes after {@code n} in the language of {@code locale}
	 */
	public static Form form(Locale locale, long n) {
		long abs = Math.abs(n);
		if (abs == 1) {
			return Form.ONE;
		}
		if (!"pl".equals(locale.getLanguage())) {
			return Form.MANY;
		}
		long lastDigit = abs % 10;
		long lastTwoDigits = abs % 100;
		boolean few = lastDigit >= 2 && lastDigit <= 4 && (lastTwoDigits < 12 || lastTwoDigits > 14);
		return few ? Form.FEW : Form.MANY;
	}

	/**
	 * @param one the noun after 1 ({@code przypomnienie}, {@code reminder})
	 * @param few the noun after 2–4 ({@code przypomnienia}); unused in English
	 * @param many the noun after 5+ ({@code przypomnień}); in English the plural
	 * ({@code reminders})
	 * @return the noun in the form that follows {@code n}
	 */
	public static String choose(Locale locale, long n, String one, String few, String many) {
		return switch (form(locale, n)) {
			case ONE -> one;
			case FEW -> few;
			case MANY -> many;
		};
	}

	/**
	 * @return the count followed by the noun in the right form, e.g.
	 * {@code "2 przypomnienia"}
	 * @see #choose(Locale, long, String, String, String)
	 */
	public static String count(Locale locale, long n, String one, String few, String many) {
		return n + " " + choose(locale, n, one, few, many);
	}

}

package com.homemadealexa.reminder;

import java.util.Locale;

/**
 * Which plural form a count takes. Polish has three: 1 przypomnienie; 2–4, 22–24, 32–34…
 * przypomnienia; 0, 5–21, 25–31… przypomnień (12–14 are "many" although they end in 2–4).
 * English (and anything else) has one and many.
 */
enum PluralForm {

	ONE, FEW, MANY;

	static PluralForm of(long count, Locale locale) {
		long n = Math.abs(count);
		if (n == 1) {
			return ONE;
		}
		if ("pl".equals(locale.getLanguage())) {
			long lastDigit = n % 10;
			long lastTwo = n % 100;
			boolean few = lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14);
			return few ? FEW : MANY;
		}
		return MANY;
	}

	/**
	 * @return the message key of this form, e.g. {@code reminders.count.few}
	 */
	String key(String prefix) {
		return prefix + "." + name().toLowerCase(Locale.ROOT);
	}

}

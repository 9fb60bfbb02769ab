package com.homemadealexa.i18n;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PluralsTest {

	private static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	@ParameterizedTest
	@CsvSource({ "0, 0 przypomnień", "1, 1 przypomnienie", "2, 2 przypomnienia", "3, 3 przypomnienia",
			"4, 4 przypomnienia", "5, 5 przypomnień", "11, 11 przypomnień", "12, 12 przypomnień", "13, 13 przypomnień",
			"14, 14 przypomnień", "21, 21 przypomnień", "22, 22 przypomnienia", "23, 23 przypomnienia",
			"24, 24 przypomnienia", "25, 25 przypomnień", "101, 101 przypomnień", "102, 102 przypomnienia",
			"112, 112 przypomnień", "1013, 1013 przypomnień", "1022, 1022 przypomnienia" })
	void countsInPolishWithThreeForms(long n, String expected) {
		assertThat(Plurals.count(POLISH, n, "przypomnienie", "przypomnienia", "przypomnień")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "-1, ONE", "-2, FEW", "-5, MANY", "-12, MANY", "-22, FEW" })
	void ignoresTheSignInPolish(long n, Plurals.Form expected) {
		assertThat(Plurals.form(POLISH, n)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0 degrees", "1, 1 degree", "-1, -1 degree", "2, 2 degrees", "3, 3 degrees", "12, 12 degrees",
			"22, 22 degrees", "101, 101 degrees" })
	void countsInEnglishWithOneAndOther(long n, String expected) {
		assertThat(Plurals.count(Locale.US, n, "degree", "unused", "degrees")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "pl, 2, FEW", "pl-PL, 24, FEW", "en-US, 2, MANY", "de-DE, 3, MANY" })
	void choosesTheRuleByLanguage(String tag, long n, Plurals.Form expected) {
		assertThat(Plurals.form(Locale.forLanguageTag(tag), n)).isEqualTo(expected);
	}

}

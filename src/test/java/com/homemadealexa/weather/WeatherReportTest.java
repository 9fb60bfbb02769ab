package com.homemadealexa.weather;

import java.time.Instant;
import java.util.List;

import com.homemadealexa.i18n.PhrasesTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.homemadealexa.i18n.PhrasesTestData.ENGLISH;
import static com.homemadealexa.i18n.PhrasesTestData.POLISH;
import static com.homemadealexa.skill.SkillContextTestData.at;
import static org.assertj.core.api.Assertions.assertThat;

class WeatherReportTest {

	private static final Instant SUNRISE = Instant.ofEpochSecond(WeatherTestData.epoch("2026-11-23T07:12"));

	private static final Instant SUNSET = Instant.ofEpochSecond(WeatherTestData.epoch("2026-11-23T15:40"));

	private final WeatherReport report = new WeatherReport(PhrasesTestData.phrases(), "Warszawa");

	@Test
	void reportsTheWholeWeatherInPolish() {
		Conditions conditions = new Conditions(3.4, -0.6, 87, 1013.4, 3, null, SUNRISE, SUNSET);

		List<String> sentences = this.report.sentences(conditions, POLISH, at(POLISH, "2026-11-23T14:05").now());

		assertThat(sentences).contains("Warszawa: pochmurno, 3 stopnie, odczuwalnie minus 1 stopień. "
				+ "Wilgotność 87 procent, ciśnienie 1013 hektopaskali. Słońce wzeszło o 7:12, zajdzie o 15:40.");
		assertThat(sentences).hasSize(2).allMatch((s) -> s.endsWith("Słońce wzeszło o 7:12, zajdzie o 15:40."));
	}

	@Test
	void reportsTheWholeWeatherInEnglish() {
		Conditions conditions = new Conditions(1.2, -2.4, 64.4, 1002.2, 61, null, SUNRISE, SUNSET);

		List<String> sentences = this.report.sentences(conditions, ENGLISH, at(ENGLISH, "2026-11-23T14:05").now());

		assertThat(sentences).contains("Warszawa: light rain, 1 degree, feels like minus 2 degrees. "
				+ "Humidity 64 percent, pressure 1002 hectopascals. The sun rose at 7:12 and will set at 15:40.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "2026-11-23T05:30; Słońce wzejdzie o 7:12, zajdzie o 15:40.",
					"2026-11-23T07:12; Słońce wzeszło o 7:12, zajdzie o 15:40.",
					"2026-11-23T15:40; Słońce wzeszło o 7:12, zaszło o 15:40.",
					"2026-11-23T22:00; Słońce wzeszło o 7:12, zaszło o 15:40." })
	void phrasesTheSunInTheTenseThatFitsTheTimeInPolish(String now, String expected) {
		Conditions conditions = new Conditions(3, 3, 80, 1000, 0, null, SUNRISE, SUNSET);

		assertThat(this.report.sentences(conditions, POLISH, at(POLISH, now).now()))
			.allMatch((s) -> s.endsWith(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "2026-11-23T05:30; The sun will rise at 7:12 and set at 15:40.",
					"2026-11-23T12:00; The sun rose at 7:12 and will set at 15:40.",
					"2026-11-23T19:00; The sun rose at 7:12 and set at 15:40." })
	void phrasesTheSunInTheTenseThatFitsTheTimeInEnglish(String now, String expected) {
		Conditions conditions = new Conditions(3, 3, 80, 1000, 0, null, SUNRISE, SUNSET);

		assertThat(this.report.sentences(conditions, ENGLISH, at(ENGLISH, now).now()))
			.allMatch((s) -> s.endsWith(expected));
	}

	@ParameterizedTest
	@CsvSource({ "0.3, 0 stopni", "1.0, 1 stopień", "2.2, 2 stopnie", "4.5, 5 stopni", "12.1, 12 stopni",
			"13.9, 14 stopni", "21.6, 22 stopnie", "24.0, 24 stopnie", "-0.4, 0 stopni", "-1.4, minus 1 stopień",
			"-3.0, minus 3 stopnie", "-12.0, minus 12 stopni" })
	void roundsTemperaturesAndDeclinesDegreesInPolish(double celsius, String expected) {
		Conditions conditions = new Conditions(celsius, celsius, 80, 1000, null, null, null, null);

		assertThat(this.report.sentences(conditions, POLISH, at(POLISH, "2026-11-23T14:05").now()))
			.contains("Warszawa: %s, odczuwalnie %s. Wilgotność 80 procent, ciśnienie 1000 hektopaskali."
				.formatted(expected, expected));
	}

	@ParameterizedTest
	@CsvSource({ "1002.4, 1002 hektopaskale", "1013.0, 1013 hektopaskali", "1021.0, 1021 hektopaskali",
			"1023.6, 1024 hektopaskale", "998.0, 998 hektopaskali" })
	void declinesHectopascalsInPolish(double pressure, String expected) {
		Conditions conditions = new Conditions(5, 5, 80, pressure, null, null, null, null);

		assertThat(this.report.sentences(conditions, POLISH, at(POLISH, "2026-11-23T14:05").now()))
			.allMatch((s) -> s.contains("ciśnienie " + expected + "."));
	}

	@Test
	void usesTheServiceOwnDescriptionAndSkipsUnknownCodes() {
		Conditions described = new Conditions(5, 5, 80, 1000, null, "zachmurzenie duże", null, null);
		Conditions unknownCode = new Conditions(5, 5, 80, 1000, 42, null, null, null);

		assertThat(this.report.sentences(described, POLISH, at(POLISH, "2026-11-23T14:05").now()))
			.contains("Warszawa: zachmurzenie duże, 5 stopni, odczuwalnie 5 stopni. "
					+ "Wilgotność 80 procent, ciśnienie 1000 hektopaskali.");
		assertThat(this.report.sentences(unknownCode, ENGLISH, at(ENGLISH, "2026-11-23T14:05").now()))
			.contains("Warszawa: 5 degrees, feels like 5 degrees. Humidity 80 percent, pressure 1000 hectopascals.");
	}

	@Test
	void hasADescriptionForEveryWmoCodeInBothLanguages() {
		int[] codes = { 0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86,
				95, 96, 99 };
		for (int code : codes) {
			Conditions conditions = new Conditions(5, 5, 80, 1000, code, null, null, null);
			String polish = this.report.sentences(conditions, POLISH, at(POLISH, "2026-11-23T14:05").now()).getFirst();
			String english = this.report.sentences(conditions, ENGLISH, at(ENGLISH, "2026-11-23T14:05").now())
				.getFirst();
			assertThat(polish).as("code %d", code).doesNotStartWith("Warszawa: 5 stopni");
			assertThat(english).as("code %d", code).doesNotStartWith("Warszawa: 5 degrees");
		}
	}

}

package com.homemadealexa.reminder;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PluralFormTest {

	private static final Locale POLISH = TestPhrases.POLISH;

	private static final Locale ENGLISH = TestPhrases.ENGLISH;

	@Test
	void polishOneIsOnlyOne() {
		assertThat(PluralForm.of(1, POLISH)).isEqualTo(PluralForm.ONE);
	}

	@ParameterizedTest
	@ValueSource(longs = { 2, 3, 4, 22, 23, 24, 32, 44, 102, 104, 1003 })
	void polishCountsEndingInTwoToFourTakeTheFewForm(long count) {
		assertThat(PluralForm.of(count, POLISH)).isEqualTo(PluralForm.FEW);
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 5, 9, 10, 11, 12, 13, 14, 15, 20, 21, 25, 31, 100, 101, 111, 112, 113, 114, 212 })
	void polishTeensAndOtherCountsTakeTheManyForm(long count) {
		assertThat(PluralForm.of(count, POLISH)).isEqualTo(PluralForm.MANY);
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 2, 3, 5, 12, 21, 22 })
	void englishHasOnlyOneAndMany(long count) {
		assertThat(PluralForm.of(1, ENGLISH)).isEqualTo(PluralForm.ONE);
		assertThat(PluralForm.of(count, ENGLISH)).isEqualTo(PluralForm.MANY);
	}

	@Test
	void reminderNounsComeFromTheBundle() {
		ReminderListing polish = new ReminderListing(TestPhrases.of(POLISH), new FriendlyTime(TestPhrases.of(POLISH)));
		assertThat(polish.noun(1, POLISH)).isEqualTo("przypomnienie");
		assertThat(polish.noun(2, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(4, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(5, POLISH)).isEqualTo("przypomnień");
		assertThat(polish.noun(12, POLISH)).isEqualTo("przypomnień");
		assertThat(polish.noun(14, POLISH)).isEqualTo("przypomnień");
		assertThat(polish.noun(22, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(24, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(25, POLISH)).isEqualTo("przypomnień");
		ReminderListing english = new ReminderListing(TestPhrases.of(ENGLISH),
				new FriendlyTime(TestPhrases.of(ENGLISH)));
		assertThat(english.noun(1, ENGLISH)).isEqualTo("reminder");
		assertThat(english.noun(2, ENGLISH)).isEqualTo("reminders");
		assertThat(english.noun(12, ENGLISH)).isEqualTo("reminders");
	}

}

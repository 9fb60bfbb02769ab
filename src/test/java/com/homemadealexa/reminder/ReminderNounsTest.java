package com.homemadealexa.reminder;

import com.homemadealexa.i18n.PhrasesTestData;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderNounsTest {

	private static final Locale POLISH = PhrasesTestData.POLISH;

	private static final Locale ENGLISH = PhrasesTestData.ENGLISH;

	@Test
	void reminderNounsComeFromTheBundle() {
		ReminderListing polish = new ReminderListing(PhrasesTestData.phrases(POLISH),
				new FriendlyTime(PhrasesTestData.phrases(POLISH)));
		assertThat(polish.noun(1, POLISH)).isEqualTo("przypomnienie");
		assertThat(polish.noun(2, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(4, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(5, POLISH)).isEqualTo("przypomnień");
		assertThat(polish.noun(12, POLISH)).isEqualTo("przypomnień");
		assertThat(polish.noun(14, POLISH)).isEqualTo("przypomnień");
		assertThat(polish.noun(22, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(24, POLISH)).isEqualTo("przypomnienia");
		assertThat(polish.noun(25, POLISH)).isEqualTo("przypomnień");
		ReminderListing english = new ReminderListing(PhrasesTestData.phrases(ENGLISH),
				new FriendlyTime(PhrasesTestData.phrases(ENGLISH)));
		assertThat(english.noun(1, ENGLISH)).isEqualTo("reminder");
		assertThat(english.noun(2, ENGLISH)).isEqualTo("reminders");
		assertThat(english.noun(12, ENGLISH)).isEqualTo("reminders");
	}

}

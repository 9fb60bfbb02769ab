package com.homemadealexa.skill.builtin;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.llm.OpenAiToolSchema;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.Test;

import static com.homemadealexa.i18n.PhrasesTestData.ENGLISH;
import static com.homemadealexa.i18n.PhrasesTestData.POLISH;
import static com.homemadealexa.skill.SkillContextTestData.at;
import static org.assertj.core.api.Assertions.assertThat;

class ClockSkillsTest {

	private final Phrases phrases = PhrasesTestData.phrases();

	private final TimeSkill time = new TimeSkill(this.phrases);

	private final DateSkill date = new DateSkill(this.phrases);

	@Test
	void tellsTheTimeOnTheTwentyFourHourClock() {
		SkillResult polish = this.time.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));
		SkillResult english = this.time.execute(SkillArguments.none(), at(ENGLISH, "2026-11-23T14:05"));

		assertThat(polish.phrases()).contains("Jest 14:05.").allMatch((phrase) -> phrase.contains("14:05"));
		assertThat(english.phrases()).contains("It is 14:05.", "It's 14:05.");
		assertThat(polish.end()).isFalse();
		assertThat(polish.reset()).isFalse();
	}

	@Test
	void tellsAnEarlyHourWithoutALeadingZeroButWithTwoMinuteDigits() {
		SkillResult result = this.time.execute(SkillArguments.none(), at(POLISH, "2026-11-23T07:03"));

		assertThat(result.phrases()).contains("Jest 7:03.");
	}

	@Test
	void tellsTheDateWithThePolishGenitiveMonth() {
		SkillResult result = this.date.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));

		assertThat(result.phrases()).containsExactly("Dziś jest poniedziałek, 23 listopada 2026.");
	}

	@Test
	void tellsOtherPolishMonthsAndDaysInTheirCases() {
		assertThat(this.date.execute(SkillArguments.none(), at(POLISH, "2026-03-01T09:00")).phrases())
			.containsExactly("Dziś jest niedziela, 1 marca 2026.");
		assertThat(this.date.execute(SkillArguments.none(), at(POLISH, "2026-07-15T09:00")).phrases())
			.containsExactly("Dziś jest środa, 15 lipca 2026.");
	}

	@Test
	void tellsTheDateInEnglish() {
		SkillResult result = this.date.execute(SkillArguments.none(), at(ENGLISH, "2026-11-23T14:05"));

		assertThat(result.phrases()).contains("It is Monday, 23 November 2026.");
		assertThat(result.label()).isEqualTo("date 2026-11-23");
	}

	@Test
	void describesItselfInBothLanguages() {
		assertThat(this.time.name()).isEqualTo("get_time");
		assertThat(this.date.name()).isEqualTo("get_date");
		assertThat(this.time.description(POLISH)).contains("godzina");
		assertThat(this.time.description(ENGLISH)).contains("what time");
		assertThat(this.date.description(POLISH)).contains("datę");
		assertThat(this.date.description(ENGLISH)).contains("date");
		assertThat(OpenAiToolSchema.of(this.time.parameters())).containsEntry("type", "object");
	}

}

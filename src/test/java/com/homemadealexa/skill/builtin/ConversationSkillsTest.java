package com.homemadealexa.skill.builtin;

import java.util.List;
import java.util.Map;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.llm.OpenAiToolSchema;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.homemadealexa.i18n.PhrasesTestData.ENGLISH;
import static com.homemadealexa.i18n.PhrasesTestData.POLISH;
import static com.homemadealexa.skill.SkillContextTestData.arguments;
import static com.homemadealexa.skill.SkillContextTestData.at;
import static org.assertj.core.api.Assertions.assertThat;

class ConversationSkillsTest {

	private static final String NOW = "2026-11-23T14:05";

	private final Phrases phrases = PhrasesTestData.phrases();

	@Test
	void answersItsNameWithAQuestion() {
		WakeNameSkill skill = new WakeNameSkill(this.phrases, PhrasesTestData.assistant(POLISH));

		SkillResult polish = skill.execute(SkillArguments.none(), at(POLISH, NOW));
		SkillResult english = skill.execute(SkillArguments.none(), at(ENGLISH, NOW));

		assertThat(polish.phrases()).contains("Tak?", "Słucham?");
		assertThat(english.phrases()).contains("Yes?");
		assertThat(polish.end()).isFalse();
		assertThat(skill.description(POLISH)).contains("Alexa");
		assertThat(skill.description(ENGLISH)).contains("(Alexa)", "\"Alexa?\"");
	}

	@Test
	void stopEndsTheConversation() {
		StopSkill skill = new StopSkill(this.phrases);

		SkillResult polish = skill.execute(SkillArguments.none(), at(POLISH, NOW));
		SkillResult english = skill.execute(SkillArguments.none(), at(ENGLISH, NOW));

		assertThat(polish.phrases()).contains("Oczywiście.");
		assertThat(english.phrases()).contains("Of course.");
		assertThat(polish.end()).isTrue();
		assertThat(polish.reset()).isFalse();
		assertThat(skill.description(ENGLISH)).contains("that's all");
	}

	@Test
	void newTopicForgetsTheHistoryButKeepsListening() {
		NewTopicSkill skill = new NewTopicSkill(this.phrases);

		SkillResult polish = skill.execute(SkillArguments.none(), at(POLISH, NOW));
		SkillResult english = skill.execute(SkillArguments.none(), at(ENGLISH, NOW));

		assertThat(polish.phrases()).contains("Jasne, zacznijmy od nowa.");
		assertThat(english.phrases()).contains("Sure, let's start over.");
		assertThat(polish.reset()).isTrue();
		assertThat(polish.end()).isFalse();
	}

	@Test
	void smallTalkAnswersAGreetingAndGoodNight() {
		SmallTalkSkill skill = new SmallTalkSkill(this.phrases);

		assertThat(skill.execute(arguments("dialog_type", "greeting"), at(POLISH, NOW)).phrases()).contains("Cześć!");
		assertThat(skill.execute(arguments("dialog_type", "good_night"), at(POLISH, NOW)).phrases())
			.contains("Dobranoc!");
		assertThat(skill.execute(arguments("dialog_type", "love_you"), at(ENGLISH, NOW)).phrases())
			.contains("That's sweet, thank you!");
		assertThat(skill.execute(arguments("dialog_type", "greeting"), at(ENGLISH, NOW)).label())
			.isEqualTo("small talk greeting");
	}

	@ParameterizedTest
	@EnumSource(SmallTalkSkill.DialogType.class)
	void smallTalkHasAnAnswerForEveryDialogTypeInBothLanguages(SmallTalkSkill.DialogType type) {
		SmallTalkSkill skill = new SmallTalkSkill(this.phrases);

		List<String> polish = skill.execute(arguments("dialog_type", type.name()), at(POLISH, NOW)).phrases();
		List<String> english = skill.execute(arguments("dialog_type", type.name()), at(ENGLISH, NOW)).phrases();

		assertThat(polish).isNotEmpty().doesNotContainAnyElementsOf(english);
	}

	@Test
	@SuppressWarnings("unchecked")
	void smallTalkOffersItsDialogTypesAsAnEnum() {
		Map<String, Object> parameters = OpenAiToolSchema.of(new SmallTalkSkill(this.phrases).parameters());

		Map<String, Object> dialogType = ((Map<String, Map<String, Object>>) parameters.get("properties"))
			.get("dialog_type");
		assertThat((List<String>) dialogType.get("enum")).contains("greeting", "good_night", "love_you");
		assertThat(parameters.get("required")).isEqualTo(List.of("dialog_type"));
	}

	@Test
	void saysExactlyTheGivenText() {
		SaySkill skill = new SaySkill(this.phrases);

		SkillResult result = skill.execute(arguments("text", "Dzień dobry, Kasiu!"), at(POLISH, NOW));

		assertThat(result.phrases()).containsExactly("Dzień dobry, Kasiu!");
		assertThat(result.end()).isFalse();
	}

	@Test
	void asksWhatToSayWhenTheTextIsBlank() {
		SaySkill skill = new SaySkill(this.phrases);

		assertThat(skill.execute(arguments("text", "  "), at(ENGLISH, NOW)).phrases())
			.containsExactly("What should I say?");
		assertThat(skill.execute(arguments("text", ""), at(POLISH, NOW)).phrases())
			.containsExactly("Co mam powiedzieć?");
	}

}

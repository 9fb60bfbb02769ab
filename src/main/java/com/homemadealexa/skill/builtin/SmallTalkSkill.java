package com.homemadealexa.skill.builtin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.JsonSchemas;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * Canned answers to greetings, good night, "I love you" and the like.
 */
@Component
class SmallTalkSkill implements Skill {

	/**
	 * What the user said; the value is also the last part of the reply's message key.
	 */
	enum DialogType {

		greeting, good_morning, good_night, how_are_you, love_you, compliment

	}

	private static final List<String> DIALOG_TYPES = Arrays.stream(DialogType.values()).map(Enum::name).toList();

	private final Phrases phrases;

	SmallTalkSkill(Phrases phrases) {
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return "small_talk";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.small_talk.description");
	}

	@Override
	public Map<String, Object> parameters() {
		String description = this.phrases.text(this.phrases.locale(), "skill.small_talk.param.dialog_type");
		return JsonSchemas.object(Map.of("dialog_type", JsonSchemas.enumeration(description, DIALOG_TYPES)),
				List.of("dialog_type"));
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		DialogType type = DialogType.valueOf(arguments.string("dialog_type"));
		return SkillResult.say("small talk " + type, this.phrases.all(context.locale(), "skill.small_talk." + type));
	}

}

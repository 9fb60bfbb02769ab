package com.homemadealexa.skill.builtin;

import java.util.List;
import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Parameter;
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
	public List<Parameter> parameters() {
		return List.of(Parameter.choice("dialog_type",
				this.phrases.text(this.phrases.locale(), "skill.small_talk.param.dialog_type"), DialogType.class));
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		DialogType type = arguments.choice("dialog_type", DialogType.class);
		return SkillResult.say("small talk " + type, this.phrases.all(context.locale(), "skill.small_talk." + type));
	}

}

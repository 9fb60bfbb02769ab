package com.homemadealexa.skill.builtin;

import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * Starts over: the conversation goes on, its history is forgotten.
 */
@Component
class NewTopicSkill implements Skill {

	private final Phrases phrases;

	NewTopicSkill(Phrases phrases) {
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return "new_topic";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.new_topic.description");
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		return SkillResult.say("new topic", this.phrases.all(context.locale(), "skill.new_topic.reply")).resetting();
	}

}

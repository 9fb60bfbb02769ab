package com.homemadealexa.skill.builtin;

import java.util.Locale;

import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * The user only said the assistant's name: answer like someone who was called.
 */
@Component
class WakeNameSkill implements Skill {

	private final Phrases phrases;

	private final String assistantName;

	WakeNameSkill(Phrases phrases, AssistantSettings assistant) {
		this.phrases = phrases;
		this.assistantName = assistant.name();
	}

	@Override
	public String name() {
		return "wake_name";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.wake_name.description", this.assistantName);
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		return SkillResult.say("wake name", this.phrases.all(context.locale(), "skill.wake_name.reply"));
	}

}

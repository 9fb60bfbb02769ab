package com.homemadealexa.skill.builtin;

import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * Stop, thanks, enough, quiet: acknowledges and ends the conversation.
 */
@Component
class StopSkill implements Skill {

	private final Phrases phrases;

	StopSkill(Phrases phrases) {
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return "stop";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.stop.description");
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		return SkillResult.say("stop", this.phrases.all(context.locale(), "skill.stop.reply")).ending();
	}

}

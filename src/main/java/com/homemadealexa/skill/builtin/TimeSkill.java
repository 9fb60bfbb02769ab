package com.homemadealexa.skill.builtin;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * Tells the local time of the command, on the 24-hour clock ("Jest 14:05.").
 */
@Component
class TimeSkill implements Skill {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm");

	private final Phrases phrases;

	TimeSkill(Phrases phrases) {
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return "get_time";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.get_time.description");
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		String time = CLOCK.format(context.now());
		return SkillResult.say("time " + time, this.phrases.all(context.locale(), "skill.get_time.reply", time));
	}

}

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
 * Tells the day of the week and the date of the command ("Dziś jest poniedziałek, 23
 * listopada 2026."). The pattern comes from the bundle, so each language orders it its
 * own way; the JDK's month names in format style are the Polish genitive ones.
 */
@Component
class DateSkill implements Skill {

	private final Phrases phrases;

	DateSkill(Phrases phrases) {
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return "get_date";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.get_date.description");
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		DateTimeFormatter pattern = DateTimeFormatter.ofPattern(this.phrases.text(locale, "skill.get_date.pattern"),
				locale);
		String date = pattern.format(context.now());
		return SkillResult.say("date " + context.now().toLocalDate(),
				this.phrases.all(locale, "skill.get_date.reply", date));
	}

}

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
 * Says exactly the text the user asked for.
 */
@Component
class SaySkill implements Skill {

	private final Phrases phrases;

	SaySkill(Phrases phrases) {
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return "say";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.say.description");
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.text("text", this.phrases.text(this.phrases.locale(), "skill.say.param.text")));
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		String text = arguments.string("text").strip();
		if (text.isEmpty()) {
			// Nothing to synthesize; ask instead of speaking silence.
			return SkillResult.say("say nothing", this.phrases.all(context.locale(), "skill.say.nothing"));
		}
		return SkillResult.say("say", text);
	}

}

package com.homemadealexa.weather;

import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The current weather at the configured place. A failing service is an apology, not an
 * error.
 */
@Component
class WeatherSkill implements Skill {

	private static final Logger log = LoggerFactory.getLogger(WeatherSkill.class);

	private final WeatherSource source;

	private final Phrases phrases;

	private final WeatherReport report;

	private final WeatherCache cache;

	private final String place;

	WeatherSkill(WeatherSource source, WeatherSettings settings, Phrases phrases) {
		this.source = source;
		this.phrases = phrases;
		this.report = new WeatherReport(phrases, settings.place());
		this.cache = new WeatherCache(settings.cacheTime());
		this.place = settings.place();
	}

	@Override
	public String name() {
		return "get_weather";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.get_weather.description", this.place);
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Conditions conditions;
		try {
			conditions = this.cache.get(context.locale(), context.now().toInstant(), this.source::current);
		}
		catch (WeatherUnavailableException ex) {
			log.warn("No weather: {}", ex.getMessage());
			return apology(context);
		}
		catch (RuntimeException ex) {
			// An answer odd enough to break the parsing (an impossible offset, say) is
			// still
			// the service's failure, not the user's.
			log.warn("No weather from {}: {}", this.source.name(), ex.toString());
			return apology(context);
		}
		return SkillResult.say("weather " + this.place,
				this.report.sentences(conditions, context.locale(), context.now()));
	}

	private SkillResult apology(SkillContext context) {
		return SkillResult.say("weather unavailable", this.phrases.all(context.locale(), "weather.unavailable"));
	}

}

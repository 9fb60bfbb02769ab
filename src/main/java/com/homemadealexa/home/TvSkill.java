package com.homemadealexa.home;

import java.util.List;
import java.util.Locale;

import com.homemadealexa.home.MqttSettings.Device;
import com.homemadealexa.home.MqttSettings.Kind;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Switches the TV: publishes the configured command of the first device of kind tv.
 */
@Component
class TvSkill implements Skill {

	private static final Logger log = LoggerFactory.getLogger(TvSkill.class);

	private final MqttPublisher mqtt;

	private final Phrases phrases;

	private final @Nullable Device tv;

	TvSkill(MqttPublisher mqtt, MqttSettings settings, Phrases phrases) {
		this.mqtt = mqtt;
		this.phrases = phrases;
		List<Device> tvs = settings.devices(Kind.TV);
		this.tv = tvs.isEmpty() ? null : tvs.getFirst();
	}

	@Override
	public String name() {
		return "tv";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.tv.description");
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(SwitchState.parameter(this.phrases.text(this.phrases.locale(), "skill.tv.param.state")));
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		if (this.tv == null) {
			return SkillResult.say("tv not configured", this.phrases.all(locale, "tv.none"));
		}
		SwitchState state = SwitchState.of(arguments);
		try {
			this.mqtt.publish(this.tv.topic(), this.tv.payload(state.isOn()));
		}
		catch (DeviceUnreachableException ex) {
			log.warn("TV not switched {}: {}", state, ex.getMessage());
			return SkillResult.say("tv unreachable", this.phrases.all(locale, "tv.unreachable"));
		}
		return SkillResult.say("tv " + state, this.phrases.all(locale, "tv." + state));
	}

}

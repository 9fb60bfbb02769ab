package com.homemadealexa.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.homemadealexa.home.MqttSettings.Device;
import com.homemadealexa.home.MqttSettings.Kind;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Switches the lights. The model may name one of the configured lights ({@code device});
 * without a name all of them are switched.
 */
@Component
class LightsSkill implements Skill {

	private static final Logger log = LoggerFactory.getLogger(LightsSkill.class);

	private static final String DEVICE = "device";

	private final MqttPublisher mqtt;

	private final Phrases phrases;

	private final List<Device> lights;

	LightsSkill(MqttPublisher mqtt, MqttSettings settings, Phrases phrases) {
		this.mqtt = mqtt;
		this.phrases = phrases;
		this.lights = settings.devices(Kind.LIGHT);
	}

	@Override
	public String name() {
		return "lights";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.lights.description");
	}

	@Override
	public List<Parameter> parameters() {
		Locale locale = this.phrases.locale();
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(SwitchState.parameter(this.phrases.text(locale, "skill.lights.param.state")));
		// Offered even for a single light, so that a command naming it validates; never
		// required: without a name every light is switched.
		if (!this.lights.isEmpty()) {
			parameters.add(
					Parameter
						.choice(DEVICE, this.phrases.text(locale, "skill.lights.param.device"),
								this.lights.stream().map(Device::name).toList())
						.optional());
		}
		return parameters;
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		if (this.lights.isEmpty()) {
			return SkillResult.say("lights not configured", this.phrases.all(locale, "lights.none"));
		}
		SwitchState state = SwitchState.of(arguments);
		Optional<Device> named = arguments.optionalString(DEVICE)
			.flatMap((name) -> this.lights.stream().filter((light) -> light.name().equalsIgnoreCase(name)).findFirst());
		List<Device> targets = named.map(List::of).orElse(this.lights);
		try {
			for (Device light : targets) {
				this.mqtt.publish(light.topic(), light.payload(state.isOn()));
			}
		}
		catch (DeviceUnreachableException ex) {
			log.warn("Lights not switched {}: {}", state, ex.getMessage());
			return SkillResult.say("lights unreachable", this.phrases.all(locale, "lights.unreachable"));
		}
		if (named.isPresent() && this.lights.size() > 1) {
			return SkillResult.say("lights " + state + " " + named.get().name(),
					this.phrases.all(locale, "lights.named." + state, named.get().name()));
		}
		return SkillResult.say("lights " + state, this.phrases.all(locale, "lights." + state));
	}

}

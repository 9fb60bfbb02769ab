package com.homemadealexa.home;

import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.SkillArguments;

/**
 * The {@code state} argument of the switching skills; the value is also the last part of
 * the reply's message key.
 */
enum SwitchState {

	on, off;

	static final String ARGUMENT = "state";

	static Parameter parameter(String description) {
		return Parameter.choice(ARGUMENT, description, SwitchState.class);
	}

	static SwitchState of(SkillArguments arguments) {
		return arguments.choice(ARGUMENT, SwitchState.class);
	}

	boolean isOn() {
		return this == on;
	}

}

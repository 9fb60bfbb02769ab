package com.homemadealexa.home;

import java.util.List;
import java.util.Map;

import com.homemadealexa.skill.JsonSchemas;
import com.homemadealexa.skill.SkillArguments;

/**
 * The {@code state} argument of the switching skills; the value is also the last part of
 * the reply's message key.
 */
enum SwitchState {

	on, off;

	static final String ARGUMENT = "state";

	static Map<String, Object> schema(String description) {
		return JsonSchemas.enumeration(description, List.of(on.name(), off.name()));
	}

	static SwitchState of(SkillArguments arguments) {
		return valueOf(arguments.string(ARGUMENT));
	}

	boolean isOn() {
		return this == on;
	}

}

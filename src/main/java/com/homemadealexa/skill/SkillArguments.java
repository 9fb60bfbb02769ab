package com.homemadealexa.skill;

import java.util.Map;
import java.util.Optional;

/**
 * A skill's arguments after validation against its schema.
 *
 * @param values argument names to JSON values (String, Number, Boolean)
 */
public record SkillArguments(Map<String, Object> values) {

	public static SkillArguments none() {
		return new SkillArguments(Map.of());
	}

	public SkillArguments {
		values = Map.copyOf(values);
	}

	/**
	 * @return a required string argument (the schema guarantees it is present)
	 */
	public String string(String name) {
		return optionalString(name)
			.orElseThrow(() -> new IllegalStateException("Argument " + name + " was not validated as required"));
	}

	public Optional<String> optionalString(String name) {
		return Optional.ofNullable(this.values.get(name)).map(Object::toString);
	}

}

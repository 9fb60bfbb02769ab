package com.homemadealexa.skill;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A skill's arguments after validation against its {@link Parameter}s.
 *
 * @param values argument names to values: {@code String} for text and choices,
 * {@code Long} for whole numbers, {@code Double} for numbers, {@code Boolean} for flags
 */
public record SkillArguments(Map<String, Object> values) {

	public static SkillArguments none() {
		return new SkillArguments(Map.of());
	}

	public SkillArguments {
		values = Map.copyOf(values);
	}

	/**
	 * @return a required text or choice argument (validation guarantees it is present)
	 */
	public String string(String name) {
		return optionalString(name)
			.orElseThrow(() -> new IllegalStateException("Argument " + name + " was not validated as required"));
	}

	public Optional<String> optionalString(String name) {
		return Optional.ofNullable(this.values.get(name)).map(Object::toString);
	}

	/**
	 * @return a number argument (whole or not), if given
	 */
	public Optional<Double> optionalNumber(String name) {
		return Optional.ofNullable(this.values.get(name))
			.filter(Number.class::isInstance)
			.map((number) -> ((Number) number).doubleValue());
	}

	/**
	 * @return a required choice argument offered as
	 * {@link Parameter#choice(String, String, Class)}, as the enum's constant
	 */
	public <E extends Enum<E>> E choice(String name, Class<E> values) {
		String value = string(name);
		return Arrays.stream(values.getEnumConstants())
			.filter((constant) -> constant.name().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Argument " + name + " was not validated as a choice"));
	}

}

package com.homemadealexa.skill;

import java.util.Arrays;
import java.util.List;

/**
 * One argument of a skill: its name, what it means (told to the model, in the household's
 * language), whether it must be given, and its kind. The model's arguments are checked
 * against it ({@link SkillCatalog#validate}), local templates read spoken values by it,
 * and the LLM adapter renders it in the model's own format (JSON Schema for OpenAI).
 *
 * <p>
 * Values are immutable. A validated argument is a {@code String} for {@link Text} and
 * {@link Choice}, a {@code Long} for {@link Whole}, a {@code Double} for {@link Decimal}
 * and a {@code Boolean} for {@link Flag}.
 */
public sealed interface Parameter {

	/**
	 * @return the argument's name, stable and snake_case (e.g. {@code scheduled_at})
	 */
	String name();

	/**
	 * @return what the argument means, for the model
	 */
	String description();

	/**
	 * @return the model must give it
	 */
	boolean required();

	/**
	 * @return the same parameter, not required
	 */
	Parameter optional();

	/**
	 * A required text that is not blank.
	 */
	static Text text(String name, String description) {
		return new Text(name, description, true);
	}

	/**
	 * A required whole number.
	 */
	static Whole integer(String name, String description) {
		return new Whole(name, description, true);
	}

	/**
	 * A required number, whole or not.
	 */
	static Decimal number(String name, String description) {
		return new Decimal(name, description, true);
	}

	/**
	 * A required yes or no.
	 */
	static Flag flag(String name, String description) {
		return new Flag(name, description, true);
	}

	/**
	 * A required text that is one of the given values.
	 */
	static Choice choice(String name, String description, List<String> values) {
		return new Choice(name, description, true, values);
	}

	/**
	 * A required text that is the name of one of the enum's constants.
	 */
	static Choice choice(String name, String description, Class<? extends Enum<?>> values) {
		return choice(name, description, Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
	}

	record Text(String name, String description, boolean required) implements Parameter {

		@Override
		public Text optional() {
			return new Text(this.name, this.description, false);
		}

	}

	record Whole(String name, String description, boolean required) implements Parameter {

		@Override
		public Whole optional() {
			return new Whole(this.name, this.description, false);
		}

	}

	record Decimal(String name, String description, boolean required) implements Parameter {

		@Override
		public Decimal optional() {
			return new Decimal(this.name, this.description, false);
		}

	}

	record Flag(String name, String description, boolean required) implements Parameter {

		@Override
		public Flag optional() {
			return new Flag(this.name, this.description, false);
		}

	}

	/**
	 * @param values the allowed values, in the order the model is told them
	 */
	record Choice(String name, String description, boolean required, List<String> values) implements Parameter {

		public Choice {
			values = List.copyOf(values);
		}

		@Override
		public Choice optional() {
			return new Choice(this.name, this.description, false, this.values);
		}

	}

}

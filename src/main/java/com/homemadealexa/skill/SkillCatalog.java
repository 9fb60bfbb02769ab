package com.homemadealexa.skill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Every {@link Skill} bean, by name, with the validation of the arguments the model (or a
 * local template) gives them.
 */
@Component
public class SkillCatalog {

	private final Map<String, Skill> skills;

	private final ObjectMapper json;

	public SkillCatalog(List<Skill> skills, ObjectMapper json) {
		this.skills = skills.stream().collect(Collectors.toMap(Skill::name, Function.identity(), (a, b) -> {
			throw new IllegalStateException("Two skills are named " + a.name());
		}, LinkedHashMap::new));
		this.json = json;
	}

	/**
	 * @return every skill, in a stable order (the order the model is offered them)
	 */
	public List<Skill> all() {
		return List.copyOf(this.skills.values());
	}

	public Optional<Skill> find(String name) {
		return Optional.ofNullable(this.skills.get(name));
	}

	/**
	 * Checks arguments given as values (from a local template) against the skill's
	 * schema.
	 * @throws InvalidSkillArgumentsException with a reason fit for a log line
	 */
	public SkillArguments validate(Skill skill, Map<String, Object> arguments) {
		return validate(skill, this.json.writeValueAsString(arguments));
	}

	/**
	 * Checks the model's arguments against the skill's parameters: JSON object, required
	 * arguments present, kinds and choices respected, no unknown arguments.
	 * @throws InvalidSkillArgumentsException with a reason fit for a log line
	 */
	public SkillArguments validate(Skill skill, String argumentsJson) {
		JsonNode root;
		try {
			root = this.json.readTree(argumentsJson.isBlank() ? "{}" : argumentsJson);
		}
		catch (JacksonException ex) {
			throw new InvalidSkillArgumentsException("arguments are not JSON");
		}
		if (!root.isObject()) {
			throw new InvalidSkillArgumentsException("arguments are not a JSON object");
		}
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		skill.parameters().forEach((parameter) -> parameters.put(parameter.name(), parameter));
		Map<String, Object> values = new LinkedHashMap<>();
		for (String name : root.propertyNames()) {
			Parameter parameter = parameters.get(name);
			if (parameter == null) {
				throw new InvalidSkillArgumentsException("unknown argument " + name);
			}
			JsonNode value = root.get(name);
			if (value.isNull()) {
				continue;
			}
			values.put(name, checked(parameter, value));
		}
		for (Parameter parameter : parameters.values()) {
			if (parameter.required() && !values.containsKey(parameter.name())) {
				throw new InvalidSkillArgumentsException("missing argument " + parameter.name());
			}
		}
		return new SkillArguments(values);
	}

	private static Object checked(Parameter parameter, JsonNode value) {
		String name = parameter.name();
		Object result = switch (parameter) {
			case Parameter.Text text -> value.isString() ? value.asString() : null;
			case Parameter.Choice choice -> value.isString() ? value.asString() : null;
			case Parameter.Whole whole -> value.isIntegralNumber() ? value.asLong() : null;
			case Parameter.Decimal decimal -> value.isNumber() ? value.asDouble() : null;
			case Parameter.Flag flag -> value.isBoolean() ? value.asBoolean() : null;
		};
		if (result == null) {
			throw new InvalidSkillArgumentsException("argument " + name + " is not of type " + typeName(parameter));
		}
		if (parameter instanceof Parameter.Choice choice && !choice.values().contains(result)) {
			throw new InvalidSkillArgumentsException("argument " + name + " is not one of " + choice.values());
		}
		if (parameter instanceof Parameter.Text && result instanceof String text && text.isBlank()) {
			throw new InvalidSkillArgumentsException("argument " + name + " is blank");
		}
		return result;
	}

	/**
	 * The kind as JSON names it, for the log line of a refused argument.
	 */
	private static String typeName(Parameter parameter) {
		return switch (parameter) {
			case Parameter.Text text -> "string";
			case Parameter.Choice choice -> "string";
			case Parameter.Whole whole -> "integer";
			case Parameter.Decimal decimal -> "number";
			case Parameter.Flag flag -> "boolean";
		};
	}

}

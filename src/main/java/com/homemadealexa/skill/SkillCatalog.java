package com.homemadealexa.skill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.homemadealexa.llm.ToolDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Every {@link Skill} bean, offered to the LLM as tools, with the validation of the
 * arguments the model sends.
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

	public List<ToolDefinition> tools(Locale locale) {
		return this.skills.values()
			.stream()
			.map((skill) -> new ToolDefinition(skill.name(), skill.description(locale), skill.parameters()))
			.toList();
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
	 * Checks the model's arguments against the skill's schema: JSON object, required
	 * properties present, types and enums respected, no unknown properties.
	 * @throws InvalidSkillArgumentsException with a reason fit for a log line
	 */
	@SuppressWarnings("unchecked")
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
		Map<String, Object> schema = skill.parameters();
		Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema
			.getOrDefault("properties", Map.of());
		List<String> required = (List<String>) schema.getOrDefault("required", List.of());
		Map<String, Object> values = new LinkedHashMap<>();
		for (String name : root.propertyNames()) {
			Map<String, Object> property = properties.get(name);
			if (property == null) {
				throw new InvalidSkillArgumentsException("unknown argument " + name);
			}
			JsonNode value = root.get(name);
			if (value.isNull()) {
				continue;
			}
			values.put(name, checked(name, value, property));
		}
		for (String name : required) {
			if (!values.containsKey(name)) {
				throw new InvalidSkillArgumentsException("missing argument " + name);
			}
		}
		return new SkillArguments(values);
	}

	private static Object checked(String name, JsonNode value, Map<String, Object> property) {
		Object type = property.getOrDefault("type", "string");
		Object result = switch (String.valueOf(type)) {
			case "string" -> value.isString() ? value.asString() : null;
			case "integer" -> value.isIntegralNumber() ? value.asLong() : null;
			case "number" -> value.isNumber() ? value.asDouble() : null;
			case "boolean" -> value.isBoolean() ? value.asBoolean() : null;
			default -> null;
		};
		if (result == null) {
			throw new InvalidSkillArgumentsException("argument " + name + " is not of type " + type);
		}
		Object allowed = property.get("enum");
		if (allowed instanceof List<?> values && !values.contains(result)) {
			throw new InvalidSkillArgumentsException("argument " + name + " is not one of " + values);
		}
		if (result instanceof String text && text.isBlank() && !(allowed instanceof List<?>)) {
			throw new InvalidSkillArgumentsException("argument " + name + " is blank");
		}
		return result;
	}

}

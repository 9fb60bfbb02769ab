package com.homemadealexa.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.homemadealexa.skill.Parameter;

/**
 * A tool's parameters as the JSON Schema of OpenAI's function calling: an {@code object}
 * with one property per parameter ({@code type}, {@code description}, and {@code enum}
 * for a choice), the {@code required} names, and no other properties. The only place a
 * schema is written; public so that tests can look at what the model is sent.
 */
public final class OpenAiToolSchema {

	private OpenAiToolSchema() {
	}

	/**
	 * @return the schema as JSON values (maps keep the parameters' order)
	 */
	public static Map<String, Object> of(List<Parameter> parameters) {
		Map<String, Object> properties = new LinkedHashMap<>();
		parameters.forEach((parameter) -> properties.put(parameter.name(), property(parameter)));
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", parameters.stream().filter(Parameter::required).map(Parameter::name).toList());
		schema.put("additionalProperties", false);
		return schema;
	}

	private static Map<String, Object> property(Parameter parameter) {
		Map<String, Object> property = new LinkedHashMap<>();
		property.put("type", switch (parameter) {
			case Parameter.Text text -> "string";
			case Parameter.Choice choice -> "string";
			case Parameter.Whole whole -> "integer";
			case Parameter.Decimal decimal -> "number";
			case Parameter.Flag flag -> "boolean";
		});
		property.put("description", parameter.description());
		if (parameter instanceof Parameter.Choice choice) {
			property.put("enum", choice.values());
		}
		return property;
	}

}

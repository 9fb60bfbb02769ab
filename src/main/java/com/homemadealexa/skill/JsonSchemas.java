package com.homemadealexa.skill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for the JSON Schemas skills declare.
 */
public final class JsonSchemas {

	private JsonSchemas() {
	}

	public static Map<String, Object> noArguments() {
		return object(Map.of(), List.of());
	}

	public static Map<String, Object> object(Map<String, Map<String, Object>> properties, List<String> required) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", required);
		schema.put("additionalProperties", false);
		return schema;
	}

	public static Map<String, Object> string(String description) {
		return Map.of("type", "string", "description", description);
	}

	public static Map<String, Object> enumeration(String description, List<String> values) {
		return Map.of("type", "string", "description", description, "enum", values);
	}

}

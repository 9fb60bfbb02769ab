package com.homemadealexa.llm;

import java.util.Map;

/**
 * A skill as the model sees it.
 *
 * @param name tool name
 * @param description when to use it, in the household's language
 * @param parameters JSON Schema of the arguments (an {@code object} schema)
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters) {

}

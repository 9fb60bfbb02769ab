package com.homemadealexa.llm;

import java.util.List;

import com.homemadealexa.skill.Parameter;

/**
 * A skill as the model sees it. Each adapter renders the parameters in its model's own
 * format ({@link OpenAiToolSchema} for OpenAI's JSON Schema).
 *
 * @param name tool name
 * @param description when to use it, in the household's language
 * @param parameters the arguments, in the order the model is told them
 */
public record ToolDefinition(String name, String description, List<Parameter> parameters) {

	public ToolDefinition {
		parameters = List.copyOf(parameters);
	}

}

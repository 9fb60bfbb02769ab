package com.homemadealexa.llm;

import java.util.List;
import java.util.Map;

import com.homemadealexa.skill.Parameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiToolSchemaTest {

	@Test
	void rendersEveryKindOfParameterAsAJsonSchemaProperty() {
		Map<String, Object> schema = OpenAiToolSchema
			.of(List.of(Parameter.text("text", "what to say"), Parameter.integer("count", "how many").optional(),
					Parameter.number("level", "percent").optional(), Parameter.flag("loud", "shout it").optional(),
					Parameter.choice("state", "on or off", List.of("on", "off"))));

		assertThat(schema).containsExactly(Map.entry("type", "object"),
				Map.entry("properties",
						Map.of("text", Map.of("type", "string", "description", "what to say"), "count",
								Map.of("type", "integer", "description", "how many"), "level",
								Map.of("type", "number", "description", "percent"), "loud",
								Map.of("type", "boolean", "description", "shout it"), "state",
								Map.of("type", "string", "description", "on or off", "enum", List.of("on", "off")))),
				Map.entry("required", List.of("text", "state")), Map.entry("additionalProperties", false));
	}

	@Test
	void aSkillWithoutParametersIsAnEmptyClosedObject() {
		assertThat(OpenAiToolSchema.of(List.of())).isEqualTo(
				Map.of("type", "object", "properties", Map.of(), "required", List.of(), "additionalProperties", false));
	}

	@Test
	void keepsTheParametersInTheirOrder() {
		Map<String, Object> schema = OpenAiToolSchema
			.of(List.of(Parameter.text("b", "second"), Parameter.text("a", "first")));

		assertThat(List.copyOf(((Map<?, ?>) schema.get("properties")).keySet())).isEqualTo(List.of("b", "a"));
		assertThat(schema.get("required")).isEqualTo(List.of("b", "a"));
	}

}

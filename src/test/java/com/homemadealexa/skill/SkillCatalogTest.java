package com.homemadealexa.skill;

import java.util.List;
import java.util.Locale;

import com.homemadealexa.llm.OpenAiToolSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SkillCatalogTest {

	private final Skill lights = new Skill() {
		@Override
		public String name() {
			return "lights";
		}

		@Override
		public String description(Locale locale) {
			return "Switches the lights";
		}

		@Override
		public List<Parameter> parameters() {
			return List.of(Parameter.choice("state", "on or off", List.of("on", "off")),
					Parameter.text("room", "which room").optional());
		}

		@Override
		public SkillResult execute(SkillArguments arguments, SkillContext context) {
			return SkillResult.say("lights", arguments.string("state"));
		}
	};

	private final SkillCatalog catalog = new SkillCatalog(List.of(this.lights), JsonMapper.builder().build());

	@Test
	void offersEverySkillAsATool() {
		assertThat(this.catalog.all()).singleElement().satisfies((tool) -> {
			assertThat(tool.name()).isEqualTo("lights");
			assertThat(OpenAiToolSchema.of(tool.parameters())).containsEntry("type", "object");
		});
	}

	@Test
	void acceptsArgumentsThatFitTheSchema() {
		SkillArguments arguments = this.catalog.validate(this.lights, "{\"state\":\"on\",\"room\":\"kitchen\"}");
		assertThat(arguments.string("state")).isEqualTo("on");
		assertThat(arguments.optionalString("room")).contains("kitchen");
	}

	@Test
	void refusesArgumentsThatDoNotFit() {
		for (String bad : List.of("not json", "[1]", "{}", "{\"state\":\"dim\"}", "{\"state\":1}",
				"{\"state\":\"on\",\"colour\":\"red\"}", "{\"state\":\"on\",\"room\":\" \"}")) {
			assertThatExceptionOfType(InvalidSkillArgumentsException.class).as(bad)
				.isThrownBy(() -> this.catalog.validate(this.lights, bad));
		}
	}

	@Test
	void readsWholeNumbersNumbersAndFlagsByTheirKind() {
		Skill timer = new Skill() {
			@Override
			public String name() {
				return "timer";
			}

			@Override
			public String description(Locale locale) {
				return "Sets a timer";
			}

			@Override
			public List<Parameter> parameters() {
				return List.of(Parameter.integer("minutes", "how long"),
						Parameter.number("volume", "percent").optional(),
						Parameter.flag("repeat", "again and again").optional());
			}

			@Override
			public SkillResult execute(SkillArguments arguments, SkillContext context) {
				return SkillResult.say("timer", "Set.");
			}
		};

		SkillArguments arguments = this.catalog.validate(timer, "{\"minutes\":5,\"volume\":40,\"repeat\":true}");

		assertThat(arguments.values()).containsEntry("minutes", 5L).containsEntry("repeat", true);
		assertThat(arguments.optionalNumber("volume")).contains(40.0);
		assertThatExceptionOfType(InvalidSkillArgumentsException.class)
			.isThrownBy(() -> this.catalog.validate(timer, "{\"minutes\":2.5}"))
			.withMessage("argument minutes is not of type integer");
		assertThatExceptionOfType(InvalidSkillArgumentsException.class)
			.isThrownBy(() -> this.catalog.validate(timer, "{\"minutes\":1,\"repeat\":\"yes\"}"))
			.withMessage("argument repeat is not of type boolean");
		assertThatExceptionOfType(InvalidSkillArgumentsException.class)
			.isThrownBy(() -> this.catalog.validate(timer, "{\"volume\":1}"))
			.withMessage("missing argument minutes");
	}

	@Test
	void refusesTwoSkillsWithOneName() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new SkillCatalog(List.of(this.lights, this.lights), JsonMapper.builder().build()));
	}

}

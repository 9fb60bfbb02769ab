package com.homemadealexa.homeassistant;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.skill.ConversationAgent;
import com.homemadealexa.skill.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class HomeAssistantConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(HomeAssistantConfiguration.class, Properties.class)
		.withBean(Phrases.class, PhrasesTestData::phrases)
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withPropertyValues("home-assistant.token=", "home-assistant.timeout-seconds=5",
				"home-assistant.refresh-seconds=300", "home-assistant.domains=light,switch",
				"home-assistant.max-entities=100", "home-assistant.prefer=llm");

	@Test
	void withoutAUrlNothingIsCreatedAndOneLineSaysSo(CapturedOutput output) {
		this.runner.withPropertyValues("home-assistant.url=").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(HomeAssistantClient.class)
				.doesNotHaveBean(Skill.class)
				.doesNotHaveBean(ConversationAgent.class);
			assertThat(output.getAll()).containsOnlyOnce("home_assistant.url is empty: Home Assistant is not used");
		});
	}

	@Test
	void withAUrlTheSkillAndAssistExistAndAMissingTokenIsNamed(CapturedOutput output) {
		// Port 9 (discard) on loopback: the background refresh fails quietly.
		this.runner.withPropertyValues("home-assistant.url=http://127.0.0.1:9").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(HomeAssistantClient.class)
				.hasSingleBean(Skill.class)
				.hasSingleBean(ConversationAgent.class);
			assertThat(output.getAll()).contains("[home_assistant] token (HOME_ASSISTANT_TOKEN)");
		});
	}

	@Test
	void aBadUrlStopsStartUpNamingTheKey() {
		this.runner.withPropertyValues("home-assistant.url=homeassistant.local").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("home-assistant.url");
		});
	}

	@Test
	void anUnknownDomainStopsStartUpNamingTheKey() {
		this.runner.withPropertyValues("home-assistant.url=http://127.0.0.1:9", "home-assistant.domains=light,oven")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("home-assistant.domains[1]")
					.hasMessageContaining("must be one of light, switch");
			});
	}

	@EnableConfigurationProperties(HomeAssistantSettings.class)
	static class Properties {

	}

}

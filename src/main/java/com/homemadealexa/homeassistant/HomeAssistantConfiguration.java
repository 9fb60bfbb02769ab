package com.homemadealexa.homeassistant;

import com.homemadealexa.i18n.Phrases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Home Assistant's parts exist only when {@code [home_assistant] url} is set: then the
 * client, the entity list, the {@code home_assistant} skill and Assist as a conversation
 * agent. Without a URL nothing is created and nothing is called.
 */
@Configuration(proxyBeanMethods = false)
class HomeAssistantConfiguration {

	private static final Logger log = LoggerFactory.getLogger(HomeAssistantConfiguration.class);

	HomeAssistantConfiguration(HomeAssistantSettings settings) {
		if (!settings.configured()) {
			log.info("home_assistant.url is empty: Home Assistant is not used");
		}
		else {
			log.info("Home Assistant at {}: domains {}, areas {}, Assist {}", settings.url(), settings.domains(),
					settings.areas().isEmpty() ? "all" : settings.areas(),
					settings.prefersAssist() ? "before the LLM" : "when there is no LLM");
			if (settings.token().isBlank()) {
				log.warn("home_assistant.token is empty: Home Assistant will refuse every call; set a long-lived "
						+ "access token in [home_assistant] token (HOME_ASSISTANT_TOKEN)");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(Configured.class)
	static class Parts {

		@Bean
		HomeAssistantClient homeAssistantClient(HomeAssistantSettings settings, JsonMapper json) {
			return new HomeAssistantClient(settings, json);
		}

		@Bean
		HomeEntities homeAssistantEntities(HomeAssistantClient client, HomeAssistantSettings settings) {
			return new HomeEntities(client, settings);
		}

		@Bean
		HomeAssistantSkill homeAssistantSkill(HomeEntities entities, HomeAssistantClient client,
				HomeAssistantSettings settings, Phrases phrases) {
			return new HomeAssistantSkill(entities, client, settings, phrases);
		}

		@Bean
		AssistConversation assistConversation(HomeAssistantClient client, HomeAssistantSettings settings,
				Phrases phrases) {
			return new AssistConversation(client, settings, phrases);
		}

	}

	/**
	 * {@code home-assistant.url} is not blank.
	 */
	static class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("home-assistant.url", "");
			return !url.isBlank();
		}

	}

}

package com.homemadealexa.llm;

import com.homemadealexa.health.ProviderHealth;
import com.homemadealexa.health.ProviderState;
import com.homemadealexa.health.Reachability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model on {@code /actuator/health}: configured when it has a key, reachable when its
 * host takes a TCP connection. No completion is asked for, so a probe costs nothing.
 */
@Configuration(proxyBeanMethods = false)
class LanguageModelHealth {

	@Bean
	ProviderHealth languageModelProviderHealth(OpenAiSettings settings, Reachability reachability) {
		return ProviderHealth.of("model",
				() -> settings.configured() ? ProviderState.probed("openai", settings.baseUrl(), reachability)
						: ProviderState.notConfigured("openai", "openai.api_key"));
	}

}

package com.homemadealexa.llm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the LLM: the OpenAI-compatible API when a key is set, otherwise none.
 */
@Configuration(proxyBeanMethods = false)
class LanguageModelConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LanguageModelConfiguration.class);

	@Bean
	LanguageModel languageModel(OpenAiSettings settings) {
		if (!settings.configured()) {
			log.info("No LLM is configured (openai.api_key is empty): only local commands will be understood");
			return new UnconfiguredLanguageModel();
		}
		log.info("LLM: model {} at {}", settings.model(), settings.baseUrl());
		return new OpenAiLanguageModel(settings);
	}

}

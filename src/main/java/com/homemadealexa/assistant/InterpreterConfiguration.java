package com.homemadealexa.assistant;

import java.nio.file.Path;
import java.time.Duration;

import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.skill.SkillCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads, once at start-up, what the {@link Interpreter} works with: the local command
 * templates (from the jar and {@code [assistant] templates_dir}) and its settings.
 */
@Configuration(proxyBeanMethods = false)
class InterpreterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(InterpreterConfiguration.class);

	@Bean
	InterpreterSettings interpreterSettings(AssistantSettings assistant, OpenAiSettings openAi) {
		return new InterpreterSettings(assistant.name(), assistant.preferLocal(), openAi.configured(),
				Duration.ofSeconds(openAi.sessionTimeoutSeconds()));
	}

	@Bean
	LocalCommands localCommands(AssistantSettings assistant, SkillCatalog skills) {
		LocalCommands commands = LocalCommands.load(assistant.locale(), Path.of(assistant.templatesDir()), skills);
		log.info("{} local command templates loaded; local-first matching is {}", commands.size(),
				assistant.preferLocal() ? "on" : "off");
		return commands;
	}

}

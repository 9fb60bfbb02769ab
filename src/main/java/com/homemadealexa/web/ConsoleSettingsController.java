package com.homemadealexa.web;

import com.homemadealexa.config.AssistantSettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the LAN console needs to know about the household: its language, so times are
 * written the household's way (24-hour for {@code pl-PL}) whatever the browser's language
 * is.
 */
@RestController
class ConsoleSettingsController {

	private final AssistantSettings assistant;

	ConsoleSettingsController(AssistantSettings assistant) {
		this.assistant = assistant;
	}

	@GetMapping("/api/internal/console")
	ConsoleSettings settings() {
		return new ConsoleSettings(this.assistant.language());
	}

	/**
	 * @param language the household's BCP 47 language tag, {@code assistant.language}
	 */
	record ConsoleSettings(String language) {
	}

}

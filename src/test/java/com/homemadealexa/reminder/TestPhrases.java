package com.homemadealexa.reminder;

import java.util.Locale;

import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.i18n.Phrases;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The real phrases of the reminders bundle, without Spring.
 */
final class TestPhrases {

	static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	static final Locale ENGLISH = Locale.forLanguageTag("en-US");

	private TestPhrases() {
	}

	static Phrases of(Locale locale) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/reminders");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Phrases(messages, new AssistantSettings(locale.toLanguageTag(), "Alexa", "Europe/Warsaw", true));
	}

}

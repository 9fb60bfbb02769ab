package com.homemadealexa.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

import com.homemadealexa.config.AssistantSettings;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Real {@link Phrases} over the shipped message bundles, configured like Boot configures
 * them from {@code application.properties}, for unit tests of skills.
 */
public final class PhrasesTestData {

	public static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	public static final Locale ENGLISH = Locale.forLanguageTag("en-US");

	private PhrasesTestData() {
	}

	/**
	 * @return phrases of a Polish household whose assistant is called Alexa
	 */
	public static Phrases phrases() {
		return phrases(POLISH);
	}

	public static Phrases phrases(Locale household) {
		return new Phrases(messageSource(), assistant(household));
	}

	public static AssistantSettings assistant(Locale household) {
		return new AssistantSettings(household.toLanguageTag(), "Alexa", "Europe/Warsaw", true,
				"templates-not-present");
	}

	public static ResourceBundleMessageSource messageSource() {
		Properties application = applicationProperties();
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(application.getProperty("spring.messages.basename").split(","));
		messages.setDefaultEncoding(application.getProperty("spring.messages.encoding"));
		messages.setFallbackToSystemLocale(
				Boolean.parseBoolean(application.getProperty("spring.messages.fallback-to-system-locale")));
		return messages;
	}

	private static Properties applicationProperties() {
		try (InputStream in = PhrasesTestData.class.getResourceAsStream("/application.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package com.homemadealexa.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import com.homemadealexa.config.AssistantSettings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Everything the assistant says comes from the message bundles
 * ({@code messages_pl.properties}, {@code messages_en.properties}). A message may hold
 * several alternatives separated by {@code |}; {@link #pick} chooses one at random.
 */
@Component
public class Phrases {

	private final MessageSource messages;

	private final Locale locale;

	public Phrases(MessageSource messages, AssistantSettings assistant) {
		this.messages = messages;
		this.locale = assistant.locale();
	}

	/**
	 * @return the household's language
	 */
	public Locale locale() {
		return this.locale;
	}

	/**
	 * @return every alternative of the message, formatted with the arguments
	 */
	public List<String> all(String key, Object... args) {
		return all(this.locale, key, args);
	}

	public List<String> all(Locale locale, String key, Object... args) {
		String message = this.messages.getMessage(key, args, locale);
		return Arrays.stream(message.split("\\|")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * @return one alternative of the message, chosen at random
	 */
	public String pick(String key, Object... args) {
		List<String> all = all(key, args);
		return all.get(ThreadLocalRandom.current().nextInt(all.size()));
	}

	/**
	 * @return the message's first alternative
	 */
	public String text(Locale locale, String key, Object... args) {
		return all(locale, key, args).getFirst();
	}

}

package com.homemadealexa.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.helpers.MessageFormatter;

/**
 * The {@code %m} of every log pattern: the message with control characters in its
 * arguments escaped ({@link LogText#neutralize}), so a hostname, a transcript or a frame
 * that a client sent can never start a line of its own, and with webapp tokens in URLs
 * masked. The message pattern itself is the program's, so its own line breaks (Spring
 * Boot's start-up failure report) stay.
 */
public class SafeMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		Object[] arguments = event.getArgumentArray();
		String message;
		if (arguments == null || arguments.length == 0 || event.getMessage() == null) {
			message = event.getFormattedMessage();
		}
		else {
			Object[] safe = new Object[arguments.length];
			boolean changed = false;
			for (int i = 0; i < arguments.length; i++) {
				safe[i] = arguments[i];
				String neutral = neutralized(arguments[i]);
				if (neutral != null) {
					safe[i] = neutral;
					changed = true;
				}
			}
			message = changed ? MessageFormatter.arrayFormat(event.getMessage(), safe).getMessage()
					: event.getFormattedMessage();
		}
		return (message != null) ? LogText.maskTokens(message) : "null";
	}

	/**
	 * @return the argument's text with its control characters escaped, or null when it
	 * has none (arrays are left to the formatter, which prints their elements)
	 */
	private static @Nullable String neutralized(@Nullable Object argument) {
		if (argument == null || argument.getClass().isArray()) {
			return null;
		}
		try {
			String text = argument.toString();
			String neutral = LogText.neutralize(text);
			return (neutral != text) ? neutral : null;
		}
		catch (RuntimeException ex) {
			// The formatter reports a failing toString() in the line itself.
			return null;
		}
	}

}

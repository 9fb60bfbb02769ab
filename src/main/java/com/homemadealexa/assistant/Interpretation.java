package com.homemadealexa.assistant;

/**
 * The assistant's answer to one command.
 *
 * @param label short description for logs and {@code /api/internal/chat}
 * @param phrase the whole spoken answer
 * @param end the conversation is over (the device goes idle)
 * @param route how the answer was found
 */
public record Interpretation(String label, String phrase, boolean end, Route route) {

	public enum Route {

		/** A local sentence template matched; no LLM call. */
		LOCAL,
		/** The LLM chose a skill. */
		SKILL,
		/** The LLM answered in text. */
		CHAT,
		/** Another assistant (Home Assistant's Assist) answered. */
		AGENT,
		/** The LLM was unavailable or misbehaved; a fixed phrase was said. */
		FALLBACK,
		/** Nothing was said. */
		EMPTY

	}

}

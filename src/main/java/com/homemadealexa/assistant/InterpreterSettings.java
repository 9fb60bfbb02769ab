package com.homemadealexa.assistant;

import java.time.Duration;

/**
 * What the {@link Interpreter} needs of {@code [assistant]} and {@code [openai]}, taken
 * once at start-up by {@link InterpreterConfiguration}.
 *
 * @param assistantName the name the assistant answers to, for the system prompt
 * @param preferLocal match local command templates before asking an agent or the model
 * @param modelConfigured an LLM is configured ({@code openai.api_key}); without one a
 * conversation agent answers what no template matched
 * @param historyTimeout silence after which a conversation's history is forgotten
 */
record InterpreterSettings(String assistantName, boolean preferLocal, boolean modelConfigured,
		Duration historyTimeout) {

}

package com.homemadealexa.llm;

import java.util.function.Consumer;

/**
 * The LLM that routes a command to a skill or answers it in text. Thread-safe; blocks for
 * at most the configured timeout.
 */
public interface LanguageModel {

	/**
	 * Asks the model for a reply.
	 * @param request the prompt, history, user text and offered tools
	 * @param textDeltas receives pieces of a text answer as they arrive (called on the
	 * caller's thread, in order; never called for a tool call)
	 * @return the model's whole reply: text or a tool call
	 * @throws LanguageModelException when the model fails, times out or answers garbage
	 */
	ModelReply reply(ModelRequest request, Consumer<String> textDeltas);

}

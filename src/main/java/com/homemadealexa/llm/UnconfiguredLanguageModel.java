package com.homemadealexa.llm;

import java.util.function.Consumer;

/**
 * Stands in when no {@code openai.api_key} is set: every call fails fast, so the
 * assistant answers only what it can do locally.
 */
class UnconfiguredLanguageModel implements LanguageModel {

	@Override
	public ModelReply reply(ModelRequest request, Consumer<String> textDeltas) {
		throw new LanguageModelException("no LLM is configured (set openai.api_key)");
	}

}

package com.homemadealexa.llm;

/**
 * What the model answered: plain text or a call of one tool.
 */
public sealed interface ModelReply {

	/**
	 * A text answer (chat fallback).
	 *
	 * @param text the whole answer
	 */
	record Text(String text) implements ModelReply {
	}

	/**
	 * A tool call.
	 *
	 * @param name the tool's name
	 * @param argumentsJson the arguments as the model wrote them (JSON, unvalidated)
	 */
	record ToolCall(String name, String argumentsJson) implements ModelReply {
	}

}

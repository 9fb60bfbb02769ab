package com.homemadealexa.llm;

/**
 * The LLM failed: unreachable, timed out, refused, or answered something unusable.
 */
public class LanguageModelException extends RuntimeException {

	public LanguageModelException(String message) {
		super(message);
	}

	public LanguageModelException(String message, Throwable cause) {
		super(message, cause);
	}

}

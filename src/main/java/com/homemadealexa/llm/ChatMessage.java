package com.homemadealexa.llm;

/**
 * One message of a conversation's history.
 *
 * @param role who said it
 * @param content what was said
 */
public record ChatMessage(Role role, String content) {

	public enum Role {

		USER, ASSISTANT

	}

	public static ChatMessage user(String content) {
		return new ChatMessage(Role.USER, content);
	}

	public static ChatMessage assistant(String content) {
		return new ChatMessage(Role.ASSISTANT, content);
	}

}

package com.homemadealexa.llm;

import java.util.List;

/**
 * One question to the model.
 *
 * @param systemPrompt persona and current local date/time
 * @param history earlier exchanges of this conversation, oldest first
 * @param userText the user's normalised command
 * @param tools the skills offered as tools
 */
public record ModelRequest(String systemPrompt, List<ChatMessage> history, String userText,
		List<ToolDefinition> tools) {

}

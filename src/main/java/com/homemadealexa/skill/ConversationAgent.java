package com.homemadealexa.skill;

/**
 * Another assistant that can answer a whole command, such as Home Assistant's Assist. The
 * interpreter asks it when no local template matched and there is no LLM, when the LLM
 * failed, or first of all (before the LLM) when it is {@link #preferred()}.
 *
 * <p>
 * Implementations are thread-safe, block for at most their own bounded timeout, and never
 * throw: a failure is a {@link Reply} that is not understood, with an apology to say.
 */
public interface ConversationAgent {

	/**
	 * @return ask this agent before the LLM
	 */
	boolean preferred();

	/**
	 * Hands the command over.
	 * @param text the command as heard
	 * @param context who asked (the conversation id keeps the agent's own conversation
	 * per device), in which language
	 * @return the answer; never null
	 */
	Reply converse(String text, SkillContext context);

	/**
	 * The agent's answer.
	 *
	 * @param label short description for logs and {@code /api/internal/chat}
	 * @param phrase what to say; never empty
	 * @param understood the agent did something or answered; false when it did not
	 * understand or failed (then the LLM, if there is one, may try instead)
	 * @param end the conversation is over
	 */
	record Reply(String label, String phrase, boolean understood, boolean end) {

	}

}

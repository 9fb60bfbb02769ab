package com.homemadealexa.skill;

import java.util.Locale;
import java.util.Map;

/**
 * One thing the assistant can do, offered to the LLM as a tool. Every {@code Skill} bean
 * is discovered and offered automatically: there is no list of skills to edit. What the
 * skill says (its description, its replies) goes in a message bundle under
 * {@code messages/}, in every language; a template in {@code templates/*.txt} lets it
 * answer without the model ({@code docs/local-commands.md}).
 *
 * <p>
 * Implementations are thread-safe: utterances from several devices run at once.
 */
public interface Skill {

	/**
	 * @return the tool name, stable and snake_case (e.g. {@code set_reminder})
	 */
	String name();

	/**
	 * @return when the model should call this skill, in the given language
	 */
	String description(Locale locale);

	/**
	 * @return the JSON Schema of the arguments: an {@code object} schema whose properties
	 * use {@code type} ({@code string}, {@code integer}, {@code number},
	 * {@code boolean}), optional {@code enum} and {@code description}, and a
	 * {@code required} list
	 */
	default Map<String, Object> parameters() {
		return JsonSchemas.noArguments();
	}

	/**
	 * Whether a local template's match is meant for this skill, asked before it runs with
	 * the arguments the template filled in (not yet validated). A skill that controls
	 * named things answers false for a name it does not know, so the next template (or
	 * the model) gets the command. Bounded in time; the default takes every match.
	 */
	default boolean claims(Map<String, Object> arguments) {
		return true;
	}

	/**
	 * Does the work. Arguments have already been validated against {@link #parameters()}.
	 * A failure the user should hear about (device unreachable, time in the past) is a
	 * result with an explaining phrase, not an exception.
	 * @param arguments validated arguments
	 * @param context who asked, when, in which language
	 * @return the reply
	 */
	SkillResult execute(SkillArguments arguments, SkillContext context);

}

package com.homemadealexa.skill;

import java.util.List;

/**
 * What a skill answers.
 *
 * @param label short description for logs and {@code /api/internal/chat}
 * @param phrases candidate replies; one is picked at random
 * @param end the conversation is over: the device goes idle
 * @param reset forget the conversation's history
 */
public record SkillResult(String label, List<String> phrases, boolean end, boolean reset) {

	public SkillResult {
		if (phrases.isEmpty()) {
			throw new IllegalArgumentException("A skill result needs at least one phrase");
		}
		phrases = List.copyOf(phrases);
	}

	/**
	 * A reply that keeps the conversation going.
	 */
	public static SkillResult say(String label, List<String> phrases) {
		return new SkillResult(label, phrases, false, false);
	}

	/**
	 * A reply that keeps the conversation going.
	 */
	public static SkillResult say(String label, String phrase) {
		return say(label, List.of(phrase));
	}

	public SkillResult ending() {
		return new SkillResult(this.label, this.phrases, true, this.reset);
	}

	public SkillResult resetting() {
		return new SkillResult(this.label, this.phrases, this.end, true);
	}

}

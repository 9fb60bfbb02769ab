package com.homemadealexa.skill;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Skill contexts and arguments at a fixed local time in Warsaw, for unit tests of skills.
 */
public final class SkillContextTestData {

	public static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	private SkillContextTestData() {
	}

	/**
	 * @param localDateTime e.g. {@code 2026-11-23T14:05}
	 */
	public static SkillContext at(Locale locale, String localDateTime) {
		return new SkillContext("kitchen", locale, ZonedDateTime.of(LocalDateTime.parse(localDateTime), WARSAW));
	}

	public static SkillArguments arguments(String name, Object value) {
		return new SkillArguments(Map.of(name, value));
	}

	public static SkillArguments arguments(String name, Object value, String otherName, Object otherValue) {
		return new SkillArguments(Map.of(name, value, otherName, otherValue));
	}

}

package com.homemadealexa.skill;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Who asked and when. The utterance is named in log lines by the MDC ({@code utterance}).
 *
 * @param conversationId the device (or webapp session) the command came from
 * @param locale the household's language
 * @param now the local date and time of the command
 */
public record SkillContext(String conversationId, Locale locale, ZonedDateTime now) {

}

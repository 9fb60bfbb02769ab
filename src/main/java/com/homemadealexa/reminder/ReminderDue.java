package com.homemadealexa.reminder;

import java.time.LocalDateTime;

/**
 * Published when a reminder falls due and is delivered: after it was shown and
 * synthesized, and handed to the speaker, which may say it a little later (after an
 * answer that is playing). Not published for a reminder dropped because the server was
 * down past the grace period.
 *
 * @param id the reminder's id
 * @param scheduledAt when it was due, in the household's time zone
 * @param text what to remind about
 * @param phrase the sentence that is spoken
 */
public record ReminderDue(String id, LocalDateTime scheduledAt, String text, String phrase) {

}

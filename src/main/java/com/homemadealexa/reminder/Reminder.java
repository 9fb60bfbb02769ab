package com.homemadealexa.reminder;

import java.time.LocalDateTime;

/**
 * A scheduled reminder.
 *
 * @param id unique, stable until the reminder is delivered or deleted
 * @param scheduledAt when it is due, in the household's time zone
 * @param text what to remind about, in the user's words
 */
public record Reminder(String id, LocalDateTime scheduledAt, String text) {

}

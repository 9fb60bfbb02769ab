/**
 * Reminders: persistent Quartz jobs on SQLite, spoken and displayed when due.
 */
@NullMarked
package com.homemadealexa.reminder;

import org.jspecify.annotations.NullMarked;

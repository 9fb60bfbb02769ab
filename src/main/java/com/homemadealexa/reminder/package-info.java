/**
 * Reminders: persistent Quartz jobs on SQLite, spoken and displayed when due.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audio", "config", "device", "i18n", "skill", "speech" })
package com.homemadealexa.reminder;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

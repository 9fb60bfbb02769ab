/**
 * Home Assistant: its entities switched by name, offered to the LLM as a tool, and its
 * Assist conversation agent as a fallback brain.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "i18n", "skill" })
package com.homemadealexa.homeassistant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

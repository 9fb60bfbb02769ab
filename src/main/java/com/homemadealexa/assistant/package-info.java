/**
 * The interpreter: from a command to the assistant's answer, through the LLM and the
 * skills, with per-conversation history and sentence streaming.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "config", "i18n", "llm", "skill" })
package com.homemadealexa.assistant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

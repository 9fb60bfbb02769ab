/**
 * Skill SPI: what the assistant can do, offered to the LLM as tools.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "config", "i18n" })
package com.homemadealexa.skill;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

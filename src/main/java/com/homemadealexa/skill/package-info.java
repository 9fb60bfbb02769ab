/**
 * Skill SPI: what the assistant can do, offered to the LLM as tools.
 */
@NullMarked
package com.homemadealexa.skill;

import org.jspecify.annotations.NullMarked;

/**
 * Home Assistant: its entities switched by name, offered to the LLM as a tool, and its
 * Assist conversation agent as a fallback brain.
 */
@NullMarked
package com.homemadealexa.homeassistant;

import org.jspecify.annotations.NullMarked;

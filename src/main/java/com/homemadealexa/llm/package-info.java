/**
 * The LLM port and its OpenAI-compatible adapter.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "health", "skill" })
package com.homemadealexa.llm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

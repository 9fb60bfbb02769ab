/**
 * Speech ports (speech-to-text, text-to-speech) and their providers.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audio", "config", "health", "llm" })
package com.homemadealexa.speech;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The LLM port and its OpenAI-compatible adapter.
 */
@NullMarked
package com.homemadealexa.llm;

import org.jspecify.annotations.NullMarked;

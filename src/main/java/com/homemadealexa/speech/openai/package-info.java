/**
 * OpenAI speech providers: Whisper-style transcription and the speech endpoint, through
 * openai-java.
 */
@NullMarked
package com.homemadealexa.speech.openai;

import org.jspecify.annotations.NullMarked;

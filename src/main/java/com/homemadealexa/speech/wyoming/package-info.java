/**
 * Wyoming speech providers: local speech-to-text (faster-whisper, Vosk, whisper.cpp) and
 * voices (Piper) over the Wyoming protocol's JSON-header-and-payload TCP framing.
 */
@NullMarked
package com.homemadealexa.speech.wyoming;

import org.jspecify.annotations.NullMarked;

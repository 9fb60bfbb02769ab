/**
 * Speech ports (speech-to-text, text-to-speech) and their providers.
 */
@NullMarked
package com.homemadealexa.speech;

import org.jspecify.annotations.NullMarked;

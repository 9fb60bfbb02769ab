/**
 * The offline voice: the espeak-ng command line.
 */
@NullMarked
package com.homemadealexa.speech.espeak;

import org.jspecify.annotations.NullMarked;

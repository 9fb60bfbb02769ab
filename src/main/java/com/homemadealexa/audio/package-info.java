/**
 * Audio: PCM formats, WAV handling, the audio server (speaker) and the chimes.
 */
@NullMarked
package com.homemadealexa.audio;

import org.jspecify.annotations.NullMarked;

/**
 * Audio: PCM formats, WAV handling, the audio server (speaker) and the chimes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "health" })
package com.homemadealexa.audio;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

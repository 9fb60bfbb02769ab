/**
 * The reference audio server ({@code audio-server} command): plays each WAV posted to
 * {@code /api/play} on this machine's sound card through ALSA's {@code aplay}, and stops
 * it on {@code /api/abort}. Runs without Spring, next to the speaker.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.homemadealexa.audioserver;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

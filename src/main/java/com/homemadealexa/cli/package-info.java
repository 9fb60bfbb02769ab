/**
 * The command line beside the server: {@code ask} and {@code ask-multiple} speak to the
 * webapp API, {@code device} simulates an ESP32 on the device protocol,
 * {@code audio-server} starts the reference audio server, {@code help} lists them all.
 * Runs without Spring.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audio", "audioserver" })
package com.homemadealexa.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The command-line client: {@code ask} and {@code ask-multiple} speak to the webapp API,
 * {@code device} simulates an ESP32 on the device protocol. Runs without Spring.
 */
@NullMarked
package com.homemadealexa.cli;

import org.jspecify.annotations.NullMarked;

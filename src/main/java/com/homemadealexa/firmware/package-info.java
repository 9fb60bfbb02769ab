/**
 * Firmware for OTA updates: the firmware folder, downloads and OTA pushes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "config", "device" })
package com.homemadealexa.firmware;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Firmware for OTA updates: the firmware folder, downloads and OTA pushes.
 */
@NullMarked
package com.homemadealexa.firmware;

import org.jspecify.annotations.NullMarked;

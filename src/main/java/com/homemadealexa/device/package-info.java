/**
 * Device registry: WebSocket connections of ESP32 devices and webapp tabs, and commands
 * sent to them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.homemadealexa.device;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Lights and TV: switched by publishing the configured payloads to an MQTT broker.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "health", "i18n", "skill" })
package com.homemadealexa.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

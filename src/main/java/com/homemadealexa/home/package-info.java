/**
 * Lights and TV: switched by publishing the configured payloads to an MQTT broker.
 */
@NullMarked
package com.homemadealexa.home;

import org.jspecify.annotations.NullMarked;

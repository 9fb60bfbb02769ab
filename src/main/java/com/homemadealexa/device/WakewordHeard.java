package com.homemadealexa.device;

/**
 * Published when a device reports {@code {"event": "wakeword"}}.
 *
 * @param device the device that heard it
 */
public record WakewordHeard(DeviceInfo device) {

}

package com.homemadealexa.device;

/**
 * A command sent to a device over its WebSocket ({@code {"cmd": ...}}).
 */
public sealed interface DeviceCommand {

	/** Start recording (no chime). */
	record Listen() implements DeviceCommand {
	}

	/** Go back to idle. */
	record Idle() implements DeviceCommand {
	}

	/** Show text and wake the screen. */
	record Display(String title, String text) implements DeviceCommand {
	}

	/** Download and flash firmware. */
	record OtaStart(String otaUrl) implements DeviceCommand {
	}

	/** Reboot. */
	record Restart() implements DeviceCommand {
	}

}

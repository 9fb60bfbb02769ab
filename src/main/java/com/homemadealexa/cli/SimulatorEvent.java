package com.homemadealexa.cli;

/**
 * What happened to a {@link SimulatedDevice}: its connection coming and going, and each
 * command the server sent, as the device understood it.
 */
public sealed interface SimulatorEvent {

	/**
	 * The WebSocket is open and the hello was sent.
	 *
	 * @param connection 1 for the first connection, 2 after the first reconnect, ...
	 */
	record Connected(int connection) implements SimulatorEvent {
	}

	/**
	 * The connection ended without the device wanting it; it reconnects after its delay.
	 *
	 * @param code the WebSocket close code, or -1 when the connection broke
	 * @param reason the close reason or error
	 */
	record Disconnected(int code, String reason) implements SimulatorEvent {
	}

	/** A reconnect attempt failed; the device tries again after its delay. */
	record ConnectFailed(String reason) implements SimulatorEvent {
	}

	/** {@code {"cmd": "listen"}}: the device would record again. */
	record Listen() implements SimulatorEvent {
	}

	/** {@code {"cmd": "idle"}}. */
	record Idle() implements SimulatorEvent {
	}

	/** {@code {"cmd": "display", "data": {...}}}. */
	record Display(String title, String text) implements SimulatorEvent {
	}

	/** {@code {"cmd": "ota_start"}}: the download begins. */
	record OtaStarted(String url) implements SimulatorEvent {
	}

	/**
	 * The firmware was downloaded whole (as long as its {@code Content-Length} said, when
	 * the server sent one); the device then reboots.
	 */
	record OtaDownloaded(String url, long bytes) implements SimulatorEvent {
	}

	/** The firmware download failed; the device stays connected, as the ESP32 does. */
	record OtaFailed(String url, String reason) implements SimulatorEvent {
	}

	/** {@code {"cmd": "restart"}}: the device closes its socket and reconnects. */
	record Restarting() implements SimulatorEvent {
	}

	/** A frame the device does not understand; it is ignored. */
	record Unrecognised(String frame) implements SimulatorEvent {
	}

}

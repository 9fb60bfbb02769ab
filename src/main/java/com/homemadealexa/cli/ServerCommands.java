package com.homemadealexa.cli;

import java.io.IOException;
import java.net.URI;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a simulated device does with each command the server sends: reports it as a
 * {@link SimulatorEvent}, downloads firmware on {@code ota_start} and reboots after it
 * and on {@code restart}.
 */
final class ServerCommands implements DeviceLink.Frames {

	private final String name;

	private final FirmwareDownload firmware;

	private final SimulatorEvents events;

	ServerCommands(String name, FirmwareDownload firmware, SimulatorEvents events) {
		this.name = name;
		this.firmware = firmware;
		this.events = events;
	}

	@Override
	public void received(String frame, Runnable reboot) {
		JsonNode message;
		try {
			message = ServerResponses.json.readTree(frame);
		}
		catch (JacksonException ex) {
			this.events.emit(new SimulatorEvent.Unrecognised(frame));
			return;
		}
		JsonNode data = message.path("data");
		switch (message.path("cmd").asString("")) {
			case "listen" -> this.events.emit(new SimulatorEvent.Listen());
			case "idle" -> this.events.emit(new SimulatorEvent.Idle());
			case "display" -> this.events
				.emit(new SimulatorEvent.Display(data.path("title").asString(""), data.path("text").asString("")));
			case "ota_start" -> ota(message.path("ota_url").asString(""), reboot);
			case "restart" -> {
				this.events.emit(new SimulatorEvent.Restarting());
				reboot.run();
			}
			default -> this.events.emit(new SimulatorEvent.Unrecognised(frame));
		}
	}

	/** Downloads the firmware away from the socket's thread, then reboots. */
	private void ota(String url, Runnable reboot) {
		this.events.emit(new SimulatorEvent.OtaStarted(url));
		Thread.ofVirtual().name("ota-" + this.name).start(() -> {
			try {
				long bytes = this.firmware.download(URI.create(url));
				this.events.emit(new SimulatorEvent.OtaDownloaded(url, bytes));
				reboot.run();
			}
			catch (IllegalArgumentException | IOException | CliException ex) {
				this.events.emit(new SimulatorEvent.OtaFailed(url, ServerResponses.describe(ex)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

}

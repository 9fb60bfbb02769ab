package com.homemadealexa.device;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Writes commands in the devices' wire format: compact JSON, {@code cmd} first, UTF-8
 * text unescaped (as the Python server's {@code send_json} did).
 */
@Component
class DeviceCommandJson {

	private final JsonMapper json;

	DeviceCommandJson(JsonMapper json) {
		this.json = json;
	}

	String write(DeviceCommand command) {
		ObjectNode node = this.json.createObjectNode();
		switch (command) {
			case DeviceCommand.Listen listen -> node.put("cmd", "listen");
			case DeviceCommand.Idle idle -> node.put("cmd", "idle");
			case DeviceCommand.Display display -> {
				node.put("cmd", "display");
				ObjectNode data = node.putObject("data");
				data.put("title", display.title());
				data.put("text", display.text());
			}
			case DeviceCommand.OtaStart ota -> {
				node.put("cmd", "ota_start");
				node.put("ota_url", ota.otaUrl());
			}
			case DeviceCommand.Restart restart -> node.put("cmd", "restart");
		}
		// A lone UTF-16 surrogate (JSON can escape one into an admin request or a
		// reminder) cannot be encoded as UTF-8: the send would fail and drop the device.
		// Encoding here turns it into '?'.
		String text = this.json.writeValueAsString(node);
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
	}

}

package com.homemadealexa.device;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the devices' text frames. Lenient on purpose: a field of the wrong type is
 * treated as absent, so an odd firmware still registers.
 */
@Component
class DeviceMessageReader {

	private final JsonMapper json;

	DeviceMessageReader(JsonMapper json) {
		this.json = json;
	}

	DeviceMessage read(String text) {
		JsonNode node;
		try {
			node = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			return new DeviceMessage.Malformed(text);
		}
		if (node == null || !node.isObject()) {
			return new DeviceMessage.Malformed(text);
		}
		JsonNode hello = node.get("hello");
		if (hello != null && hello.isObject()) {
			return new DeviceMessage.Hello(string(hello.get("hostname")), string(hello.get("hw_type")),
					macAddress(hello.get("mac_addr")));
		}
		JsonNode event = node.get("event");
		if (event != null && "wakeword".equals(string(event))) {
			return new DeviceMessage.Wakeword();
		}
		return new DeviceMessage.Unknown(text);
	}

	private static @Nullable String string(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	// The firmware sends six byte values; a "48:ca:43:..." string is accepted as well.
	private static @Nullable List<Integer> macAddress(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isArray()) {
			List<Integer> bytes = new ArrayList<>();
			for (JsonNode value : node.values()) {
				if (!value.isIntegralNumber() || !value.canConvertToInt()) {
					return null;
				}
				bytes.add(value.intValue());
			}
			return List.copyOf(bytes);
		}
		if (node.isString()) {
			String hex = node.stringValue().replaceAll("[:\\-]", "");
			try {
				byte[] bytes = HexFormat.of().parseHex(hex);
				List<Integer> values = new ArrayList<>();
				for (byte b : bytes) {
					values.add(b & 0xFF);
				}
				return List.copyOf(values);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

}

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
 * treated as absent, so an odd firmware still registers. What a client names itself is
 * bounded and cleaned here, once: control characters are dropped (they would forge log
 * lines and break the console) and names are cut to {@value #MAX_NAME_CHARS} characters
 * (the firmware's own hostname is 18).
 */
@Component
class DeviceMessageReader {

	static final int MAX_NAME_CHARS = 64;

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
			return new DeviceMessage.Hello(name(hello.get("hostname")), name(hello.get("hw_type")),
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

	private static @Nullable String name(@Nullable JsonNode node) {
		String value = string(node);
		if (value == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder();
		value.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.LINE_SEPARATOR
					&& Character.getType(c) != Character.PARAGRAPH_SEPARATOR
					&& Character.getType(c) != Character.FORMAT)
			.limit(MAX_NAME_CHARS)
			.forEach(clean::appendCodePoint);
		String name = clean.toString().strip();
		return name.isEmpty() ? null : name;
	}

	// The firmware sends six byte values; a "48:ca:43:..." string is accepted as well.
	private static @Nullable List<Integer> macAddress(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isArray()) {
			List<Integer> bytes = new ArrayList<>();
			for (JsonNode value : node.values()) {
				if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0
						|| value.intValue() > 255 || bytes.size() == 8) {
					return null;
				}
				bytes.add(value.intValue());
			}
			return List.copyOf(bytes);
		}
		if (node.isString()) {
			String hex = node.stringValue().replaceAll("[:\\-]", "");
			if (hex.length() > 16) {
				return null;
			}
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

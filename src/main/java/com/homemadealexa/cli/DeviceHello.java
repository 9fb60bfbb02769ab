package com.homemadealexa.cli;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The first message a device sends on its WebSocket ({@code DEVICE.md}): its hostname,
 * hardware type and MAC address. Written compactly, as the simulator sends it, or exactly
 * as the ESP32 firmware's {@code cJSON_Print} writes it: pretty-printed with tabs and
 * newlines, arrays on one line.
 *
 * @param hostname the device's name; shown in the console and used to send it commands
 * @param hwType the hardware type, or null to leave {@code hw_type} out
 * @param macAddress the MAC's octets; empty leaves {@code mac_addr} out
 */
public record DeviceHello(String hostname, @Nullable String hwType, List<Integer> macAddress) {

	/** What the real firmware says it is. */
	public static final String BOX_3 = "ESP32-S3-BOX-3";

	public DeviceHello {
		macAddress = List.copyOf(macAddress);
	}

	/** An ESP32-S3-Box-3 of this name, without a MAC address. */
	public static DeviceHello of(String hostname) {
		return new DeviceHello(hostname, BOX_3, List.of());
	}

	public DeviceHello withHwType(@Nullable String type) {
		return new DeviceHello(this.hostname, type, this.macAddress);
	}

	/**
	 * @param octets six octets, 0 to 255
	 */
	public DeviceHello withMac(int... octets) {
		if (octets.length != 6) {
			throw new IllegalArgumentException("A MAC address has 6 octets, not " + octets.length);
		}
		return new DeviceHello(this.hostname, this.hwType, java.util.Arrays.stream(octets).boxed().toList());
	}

	/**
	 * {@code {"hello": {"hostname": "box", "hw_type": "...", "mac_addr": [72, 202,
	 * ...]}}}
	 */
	public String json() {
		return write(false);
	}

	/** The bytes the firmware sends: {@code cJSON_Print}'s formatted output. */
	public String firmwareJson() {
		return write(true);
	}

	private String write(boolean formatted) {
		String colon = formatted ? ":\t" : ": ";
		String comma = formatted ? ",\n\t\t" : ", ";
		StringBuilder fields = new StringBuilder("\"hostname\"").append(colon).append(quote(this.hostname));
		if (this.hwType != null) {
			fields.append(comma).append("\"hw_type\"").append(colon).append(quote(this.hwType));
		}
		if (!this.macAddress.isEmpty()) {
			StringBuilder octets = new StringBuilder();
			this.macAddress.forEach((octet) -> octets.append(octets.isEmpty() ? "" : ", ").append(octet));
			fields.append(comma).append("\"mac_addr\"").append(colon).append('[').append(octets).append(']');
		}
		return formatted ? "{\n\t\"hello\":\t{\n\t\t" + fields + "\n\t}\n}" : "{\"hello\": {" + fields + "}}";
	}

	/** A JSON string, escaped as cJSON escapes it (non-ASCII stays as it is). */
	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\b' -> quoted.append("\\b");
				case '\f' -> quoted.append("\\f");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}

package com.homemadealexa.device;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A text frame received from a device, as far as the server understands it.
 */
sealed interface DeviceMessage {

	/** {@code {"hello": {"hostname": ..., "hw_type": ..., "mac_addr": [...]}}} */
	record Hello(@Nullable String hostname, @Nullable String hwType,
			@Nullable List<Integer> macAddr) implements DeviceMessage {
	}

	/** {@code {"event": "wakeword"}} */
	record Wakeword() implements DeviceMessage {
	}

	/** Valid JSON the server does not know (a newer firmware, another event). */
	record Unknown(String json) implements DeviceMessage {
	}

	/** Not a JSON object at all. */
	record Malformed(String text) implements DeviceMessage {
	}

}

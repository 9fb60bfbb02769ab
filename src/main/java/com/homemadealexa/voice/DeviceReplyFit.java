package com.homemadealexa.voice;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The answer to a device's upload, fitted to the firmware: it reads at most
 * {@value #MAX_BYTES} bytes of the reply and shows nothing when the JSON is longer, so a
 * long transcript is shortened in the reply (at a character boundary, with an ellipsis).
 * The pipeline keeps the whole transcript.
 */
@Component
class DeviceReplyFit {

	/** {@code resp_buf[256]} in the firmware's {@code audio.c}, less the terminator. */
	static final int MAX_BYTES = 255;

	private static final String ELLIPSIS = "…";

	private final JsonMapper json;

	DeviceReplyFit(JsonMapper json) {
		this.json = json;
	}

	DeviceReply reply(String transcript) {
		DeviceReply whole = new DeviceReply("ok", transcript);
		if (bytes(whole) <= MAX_BYTES) {
			return whole;
		}
		int[] codePoints = transcript.codePoints().toArray();
		int low = 0;
		int high = codePoints.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (bytes(shortened(codePoints, middle)) <= MAX_BYTES) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return shortened(codePoints, low);
	}

	private static DeviceReply shortened(int[] codePoints, int kept) {
		return new DeviceReply("ok", new String(codePoints, 0, kept).stripTrailing() + ELLIPSIS);
	}

	private int bytes(DeviceReply reply) {
		return this.json.writeValueAsString(reply).getBytes(StandardCharsets.UTF_8).length;
	}

	/** {@code {"status": "ok", "command": "<transcript>"}} */
	record DeviceReply(String status, String command) {
	}

}

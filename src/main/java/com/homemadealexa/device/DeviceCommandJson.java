package com.homemadealexa.device;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Writes commands in the devices' wire format: compact JSON, {@code cmd} first, UTF-8
 * text unescaped (as the Python server's {@code send_json} did). Frames for an ESP32 are
 * fitted into the firmware's 4096-byte receive buffer: it parses each 4096-byte piece of
 * a frame alone, so a longer command would be lost without a trace.
 */
@Component
class DeviceCommandJson {

	/** The firmware's WebSocket buffer ({@code buffer_size = 4096} in server.c). */
	static final int DEVICE_FRAME_BYTES = 4096;

	private static final String ELLIPSIS = "…";

	private final JsonMapper json;

	DeviceCommandJson(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param text the JSON text
	 * @param truncated whether a display text or title was shortened to fit
	 */
	record Frame(String text, boolean truncated) {
	}

	/** The command for a browser (a webapp tab), whole. */
	String write(DeviceCommand command) {
		return encode(command);
	}

	/**
	 * The command for an ESP32: at most {@link #DEVICE_FRAME_BYTES} bytes of UTF-8, a
	 * display shortened at a character boundary with an ellipsis when it would not fit.
	 */
	Frame forDevice(DeviceCommand command) {
		String whole = encode(command);
		if (utf8Length(whole) <= DEVICE_FRAME_BYTES || !(command instanceof DeviceCommand.Display display)) {
			return new Frame(whole, false);
		}
		String title = display.title();
		if (utf8Length(encode(new DeviceCommand.Display(title, ELLIPSIS))) > DEVICE_FRAME_BYTES) {
			title = longestFitting(title, (shorter) -> new DeviceCommand.Display(shorter, ELLIPSIS));
		}
		String fixedTitle = title;
		String text = longestFitting(display.text(), (shorter) -> new DeviceCommand.Display(fixedTitle, shorter));
		return new Frame(encode(new DeviceCommand.Display(fixedTitle, text)), true);
	}

	// Binary search over the number of code points kept, so a surrogate pair is never
	// split; escaping (quotes, control characters) is measured, not estimated.
	private String longestFitting(String value, java.util.function.Function<String, DeviceCommand> command) {
		int[] codePoints = value.codePoints().toArray();
		int low = 0;
		int high = codePoints.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (utf8Length(encode(command.apply(shortened(codePoints, middle)))) <= DEVICE_FRAME_BYTES) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return shortened(codePoints, low);
	}

	private static String shortened(int[] codePoints, int kept) {
		return new String(codePoints, 0, kept).stripTrailing() + ELLIPSIS;
	}

	private String encode(DeviceCommand command) {
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

	private static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}

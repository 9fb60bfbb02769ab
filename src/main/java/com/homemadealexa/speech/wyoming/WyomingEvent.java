package com.homemadealexa.speech.wyoming;

import tools.jackson.databind.node.ObjectNode;

/**
 * One Wyoming event: its type, its data (the header's {@code data} with the separate data
 * segment merged over it) and its binary payload (empty when there is none).
 *
 * @param type e.g. {@code audio-chunk}
 * @param data the event's fields
 * @param payload e.g. the PCM of an audio chunk
 */
record WyomingEvent(String type, ObjectNode data, byte[] payload) {

	String text(String field) {
		return this.data.path(field).asString("");
	}

}

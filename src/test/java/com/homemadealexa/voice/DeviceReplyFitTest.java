package com.homemadealexa.voice;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceReplyFitTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final DeviceReplyFit fit = new DeviceReplyFit(this.json);

	@Test
	void aShortTranscriptIsRepliedWhole() {
		assertThat(this.fit.reply("Która godzina?").command()).isEqualTo("Która godzina?");
	}

	@Test
	void aLongTranscriptIsShortenedToFit255BytesAtACharacterBoundary() {
		String transcript = "Zażółć gęślą jaźń, \"proszę\" 🙂 ".repeat(20);
		DeviceReplyFit.DeviceReply reply = this.fit.reply(transcript);
		byte[] body = this.json.writeValueAsString(reply).getBytes(StandardCharsets.UTF_8);
		assertThat(body.length).isLessThanOrEqualTo(DeviceReplyFit.MAX_BYTES).isGreaterThan(240);
		assertThat(reply.command()).endsWith("…").doesNotContain("\uFFFD");
		assertThat(transcript).startsWith(reply.command().substring(0, reply.command().length() - 1).strip());
		assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\"status\":\"ok\",\"command\":");
	}

}

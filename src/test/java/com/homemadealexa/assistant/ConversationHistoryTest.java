package com.homemadealexa.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.homemadealexa.llm.ChatMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationHistoryTest {

	private Instant now = Instant.parse("2026-11-23T10:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return ConversationHistoryTest.this.now;
		}
	};

	private final ConversationHistory history = new ConversationHistory(Duration.ofSeconds(300), this.clock);

	@Test
	void keepsConversationsApart() {
		this.history.append("kitchen", "hi", "hello");
		this.history.append("bedroom", "bye", "good night");
		assertThat(this.history.messages("kitchen")).containsExactly(ChatMessage.user("hi"),
				ChatMessage.assistant("hello"));
		assertThat(this.history.messages("bedroom")).containsExactly(ChatMessage.user("bye"),
				ChatMessage.assistant("good night"));
	}

	@Test
	void keepsOnlyTheLastTenExchanges() {
		for (int i = 1; i <= 12; i++) {
			this.history.append("kitchen", "q" + i, "a" + i);
		}
		assertThat(this.history.messages("kitchen")).hasSize(20).first().isEqualTo(ChatMessage.user("q3"));
	}

	@Test
	void forgetsAfterTheSessionTimeout() {
		this.history.append("kitchen", "hi", "hello");
		this.now = this.now.plusSeconds(299);
		assertThat(this.history.messages("kitchen")).hasSize(2);
		this.now = this.now.plusSeconds(2);
		assertThat(this.history.messages("kitchen")).isEmpty();
	}

	@Test
	void forgetsOnRequest() {
		this.history.append("kitchen", "hi", "hello");
		this.history.forget("kitchen");
		assertThat(this.history.messages("kitchen")).isEmpty();
	}

}

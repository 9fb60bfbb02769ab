package com.homemadealexa.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.homemadealexa.llm.ChatMessage;

/**
 * The recent exchanges of each conversation (one per device or webapp session): at most
 * {@value #MAX_EXCHANGES}, forgotten after a period of silence. Thread-safe.
 */
class ConversationHistory {

	static final int MAX_EXCHANGES = 10;

	private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();

	private final Duration timeout;

	private final Clock clock;

	ConversationHistory(Duration timeout, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
	}

	List<ChatMessage> messages(String conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		if (conversation == null) {
			return List.of();
		}
		synchronized (conversation) {
			if (conversation.lastActivity.plus(this.timeout).isBefore(this.clock.instant())) {
				this.conversations.remove(conversationId, conversation);
				return List.of();
			}
			return conversation.exchanges.stream().flatMap((exchange) -> exchange.stream()).toList();
		}
	}

	void append(String conversationId, String userText, String assistantText) {
		Conversation conversation = this.conversations.computeIfAbsent(conversationId,
				(id) -> new Conversation(this.clock.instant()));
		synchronized (conversation) {
			if (conversation.lastActivity.plus(this.timeout).isBefore(this.clock.instant())) {
				conversation.exchanges.clear();
			}
			conversation.exchanges.addLast(List.of(ChatMessage.user(userText), ChatMessage.assistant(assistantText)));
			while (conversation.exchanges.size() > MAX_EXCHANGES) {
				conversation.exchanges.removeFirst();
			}
			conversation.lastActivity = this.clock.instant();
		}
	}

	void forget(String conversationId) {
		this.conversations.remove(conversationId);
	}

	private static final class Conversation {

		final Deque<List<ChatMessage>> exchanges = new ArrayDeque<>();

		Instant lastActivity;

		Conversation(Instant lastActivity) {
			this.lastActivity = lastActivity;
		}

	}

}

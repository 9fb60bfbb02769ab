package com.homemadealexa.homeassistant;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import com.homemadealexa.homeassistant.HomeAssistantClient.AssistAnswer;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.ConversationAgent;
import com.homemadealexa.skill.SkillContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant's Assist as a conversation agent: the command goes to
 * {@code POST /api/conversation/process} in the household's language, and Assist's
 * {@code response.speech.plain.speech} is said. Each device keeps its own Assist
 * conversation (the id Assist gave it) for {@value #CONVERSATION_MINUTES} minutes.
 */
class AssistConversation implements ConversationAgent {

	private static final Logger log = LoggerFactory.getLogger(AssistConversation.class);

	static final int CONVERSATION_MINUTES = 5;

	private static final int MAX_CONVERSATIONS = 1000;

	private final HomeAssistantClient client;

	private final HomeAssistantSettings settings;

	private final Phrases phrases;

	private final LongSupplier nanoTime;

	private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();

	AssistConversation(HomeAssistantClient client, HomeAssistantSettings settings, Phrases phrases) {
		this(client, settings, phrases, System::nanoTime);
	}

	AssistConversation(HomeAssistantClient client, HomeAssistantSettings settings, Phrases phrases,
			LongSupplier nanoTime) {
		this.client = client;
		this.settings = settings;
		this.phrases = phrases;
		this.nanoTime = nanoTime;
	}

	@Override
	public boolean preferred() {
		return this.settings.prefersAssist();
	}

	@Override
	public Reply converse(String text, SkillContext context) {
		Locale locale = context.locale();
		AssistAnswer answer;
		try {
			answer = this.client.converse(text, locale.getLanguage(), current(context.conversationId()));
		}
		catch (HomeAssistantException ex) {
			log.warn("Assist failed: {}", ex.getMessage());
			return new Reply("assist " + ex.failure().name().toLowerCase(Locale.ROOT),
					this.phrases.pick(HomeAssistantSkill.apology(ex.failure())), false, true);
		}
		remember(context.conversationId(), answer.conversationId());
		String speech = answer.speech();
		boolean end = !answer.continueConversation();
		return switch (answer.responseType()) {
			case "action_done" -> new Reply("assist action_done",
					speech.isEmpty() ? this.phrases.pick("homeassistant.assist.done") : speech, true, end);
			case "query_answer" -> new Reply("assist query_answer",
					speech.isEmpty() ? this.phrases.pick("homeassistant.assist.not-understood") : speech,
					!speech.isEmpty(), end);
			case "error" -> {
				log.info("Assist answered error {}", answer.errorCode());
				yield new Reply("assist error " + answer.errorCode(),
						speech.isEmpty() ? this.phrases.pick("homeassistant.assist.not-understood") : speech, false,
						end);
			}
			default -> new Reply("assist " + answer.responseType(),
					speech.isEmpty() ? this.phrases.pick("homeassistant.assist.not-understood") : speech,
					!speech.isEmpty(), end);
		};
	}

	private @Nullable String current(String device) {
		Conversation conversation = this.conversations.get(device);
		if (conversation == null) {
			return null;
		}
		if (this.nanoTime.getAsLong() - conversation.lastUsed() > Duration.ofMinutes(CONVERSATION_MINUTES).toNanos()) {
			this.conversations.remove(device, conversation);
			return null;
		}
		return conversation.id();
	}

	private void remember(String device, @Nullable String assistId) {
		if (assistId == null) {
			this.conversations.remove(device);
			return;
		}
		if (this.conversations.size() >= MAX_CONVERSATIONS && !this.conversations.containsKey(device)) {
			// Webapp sessions come and go; a bounded map forgets them all rather than
			// grow.
			this.conversations.clear();
		}
		this.conversations.put(device, new Conversation(assistId, this.nanoTime.getAsLong()));
	}

	private record Conversation(String id, long lastUsed) {
	}

}

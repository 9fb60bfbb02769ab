package com.homemadealexa.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.homemadealexa.assistant.Interpretation.Route;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.llm.LanguageModel;
import com.homemadealexa.llm.LanguageModelException;
import com.homemadealexa.llm.ModelReply;
import com.homemadealexa.llm.ModelRequest;
import com.homemadealexa.llm.ToolDefinition;
import com.homemadealexa.skill.ConversationAgent;
import com.homemadealexa.skill.InvalidSkillArgumentsException;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillCatalog;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns a command into the assistant's answer: the LLM routes it to a skill (tool call)
 * or answers it itself (chat fallback), with the conversation's history. A
 * {@link ConversationAgent} (Home Assistant's Assist), when there is one, answers what no
 * local template matched if there is no LLM or the LLM failed, or before the LLM when it
 * is preferred. The answer is handed out sentence by sentence while it is being produced,
 * so speech can start early. Thread-safe: commands from several devices are interpreted
 * at once.
 */
@Component
public class Interpreter {

	private static final Logger log = LoggerFactory.getLogger(Interpreter.class);

	private final LanguageModel model;

	private final SkillCatalog skills;

	private final Phrases phrases;

	private final InterpreterSettings settings;

	private final Clock clock;

	private final ConversationHistory history;

	private final MeterRegistry meters;

	private final LocalCommands localCommands;

	private final boolean modelConfigured;

	private final @Nullable ConversationAgent agent;

	Interpreter(LanguageModel model, SkillCatalog skills, LocalCommands localCommands, Phrases phrases,
			InterpreterSettings settings, Clock clock, MeterRegistry meters, List<ConversationAgent> agents) {
		this.model = model;
		this.modelConfigured = settings.modelConfigured();
		this.agent = agents.isEmpty() ? null : agents.getFirst();
		this.skills = skills;
		this.phrases = phrases;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
		this.history = new ConversationHistory(settings.historyTimeout(), clock);
		this.localCommands = localCommands;
	}

	/**
	 * Interprets one command.
	 * @param conversationId the device or webapp session, for the history
	 * @param command the transcript
	 * @param sentences receives the answer sentence by sentence, in order, on this thread
	 * @return the whole answer
	 */
	public Interpretation interpret(String conversationId, String command, Consumer<String> sentences) {
		String text = normalise(command, this.phrases.locale());
		if (text.isEmpty()) {
			return new Interpretation("empty", "", true, Route.EMPTY);
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock);
		Optional<LocalCommands.LocalMatch> local = this.settings.preferLocal()
				? this.localCommands.match(text, now.toLocalDateTime()) : Optional.empty();
		Interpretation interpretation = local
			.map((match) -> runSkill(match.skill(), () -> this.skills.validate(match.skill(), match.arguments()),
					Route.LOCAL, conversationId, text, now, sentences))
			.orElseGet(() -> routeWithAgentOrModel(conversationId, text, now, sentences));
		this.meters.counter("alexa.interpretations", "route", interpretation.route().name().toLowerCase(Locale.ROOT))
			.increment();
		log.info("Interpreted as {} ({})", interpretation.label(), interpretation.route());
		return interpretation;
	}

	/**
	 * Trims trailing punctuation and spaces and lower-cases, as the original server did.
	 */
	static String normalise(String command, Locale locale) {
		return command.strip().replaceAll("[\\s.,?!]+$", "").toLowerCase(locale);
	}

	private Interpretation routeWithAgentOrModel(String conversationId, String text, ZonedDateTime now,
			Consumer<String> sentences) {
		ConversationAgent first = this.agent;
		if (first == null || !(first.preferred() || !this.modelConfigured)) {
			return routeWithModel(conversationId, text, now, sentences, first);
		}
		ConversationAgent.Reply reply = first.converse(text,
				new SkillContext(conversationId, this.phrases.locale(), now));
		if (!reply.understood() && this.modelConfigured) {
			log.info("{} did not answer it; asking the LLM", reply.label());
			return routeWithModel(conversationId, text, now, sentences, null);
		}
		return agentAnswered(reply, conversationId, text, sentences);
	}

	private Interpretation agentAnswered(ConversationAgent.Reply reply, String conversationId, String text,
			Consumer<String> sentences) {
		if (reply.end()) {
			this.history.forget(conversationId);
		}
		else {
			this.history.append(conversationId, text, reply.phrase());
		}
		return say(new Interpretation(reply.label(), reply.phrase(), reply.end(), Route.AGENT), sentences);
	}

	/**
	 * @param fallbackAgent asked when the model fails; null when it was already asked
	 */
	private Interpretation routeWithModel(String conversationId, String text, ZonedDateTime now,
			Consumer<String> sentences, @Nullable ConversationAgent fallbackAgent) {
		Locale locale = this.phrases.locale();
		ModelRequest request = new ModelRequest(systemPrompt(now, locale), this.history.messages(conversationId), text,
				tools(locale));
		SentenceSplitter splitter = new SentenceSplitter(sentences);
		long started = System.nanoTime();
		FirstToken firstToken = new FirstToken(this.meters.timer("alexa.llm.first-token"), started);
		ModelReply reply;
		try {
			reply = this.model.reply(request, (delta) -> {
				firstToken.seen();
				splitter.add(delta);
			});
		}
		catch (LanguageModelException ex) {
			log.warn("The language model failed: {}", ex.getMessage());
			splitter.finish();
			if (fallbackAgent != null && !firstToken.seen) {
				return agentAnswered(
						fallbackAgent.converse(text, new SkillContext(conversationId, this.phrases.locale(), now)),
						conversationId, text, sentences);
			}
			return say(fallback("assistant.llm-unavailable"), sentences);
		}
		finally {
			this.meters.timer("alexa.llm").record(Duration.ofNanos(System.nanoTime() - started));
		}
		firstToken.seen();
		return switch (reply) {
			case ModelReply.Text answer -> {
				splitter.finish();
				this.history.append(conversationId, text, answer.text());
				yield new Interpretation("chat", answer.text().strip(), false, Route.CHAT);
			}
			case ModelReply.ToolCall call -> toolCall(call, conversationId, text, now, sentences);
		};
	}

	private Interpretation toolCall(ModelReply.ToolCall call, String conversationId, String text, ZonedDateTime now,
			Consumer<String> sentences) {
		Skill skill = this.skills.find(call.name()).orElse(null);
		if (skill == null) {
			log.warn("The language model called the unknown tool {}", call.name());
			return say(notUnderstood(), sentences);
		}
		return runSkill(skill, () -> this.skills.validate(skill, call.argumentsJson()), Route.SKILL, conversationId,
				text, now, sentences);
	}

	private Interpretation runSkill(Skill skill, Supplier<SkillArguments> validArguments, Route route,
			String conversationId, String text, ZonedDateTime now, Consumer<String> sentences) {
		SkillResult result;
		try {
			SkillArguments arguments = validArguments.get();
			result = skill.execute(arguments, new SkillContext(conversationId, this.phrases.locale(), now));
		}
		catch (InvalidSkillArgumentsException ex) {
			log.warn("The language model gave bad arguments for {}: {}", skill.name(), ex.getMessage());
			return say(notUnderstood(), sentences);
		}
		catch (RuntimeException ex) {
			log.error("The skill {} failed", skill.name(), ex);
			return say(fallback("assistant.skill-failed"), sentences);
		}
		String phrase = result.phrases().get(ThreadLocalRandom.current().nextInt(result.phrases().size()));
		if (result.end() || result.reset()) {
			this.history.forget(conversationId);
		}
		else {
			this.history.append(conversationId, text, phrase);
		}
		return say(new Interpretation(result.label(), phrase, result.end(), route), sentences);
	}

	private Interpretation fallback(String key) {
		return new Interpretation("fallback", this.phrases.pick(key), true, Route.FALLBACK);
	}

	private Interpretation notUnderstood() {
		return new Interpretation("not-understood", this.phrases.pick("assistant.not-understood"), false,
				Route.FALLBACK);
	}

	private static Interpretation say(Interpretation interpretation, Consumer<String> sentences) {
		SentenceSplitter splitter = new SentenceSplitter(sentences);
		splitter.add(interpretation.phrase());
		splitter.finish();
		return interpretation;
	}

	private String systemPrompt(ZonedDateTime now, Locale locale) {
		String dateTime = now.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(now.getZone()));
		return String.join("\n", List.of(
				this.phrases.text(locale, "assistant.system-prompt", this.settings.assistantName()),
				this.phrases.text(locale, "assistant.system-prompt.now", dateTime, now.toLocalDateTime().withNano(0))));
	}

	private List<ToolDefinition> tools(Locale locale) {
		return this.skills.all()
			.stream()
			.map((skill) -> new ToolDefinition(skill.name(), skill.description(locale), skill.parameters()))
			.toList();
	}

	/**
	 * Records the time to the model's first token (or whole tool call) once.
	 */
	private static final class FirstToken {

		private final Timer timer;

		private final long started;

		private boolean seen;

		FirstToken(Timer timer, long started) {
			this.timer = timer;
			this.started = started;
		}

		void seen() {
			if (!this.seen) {
				this.seen = true;
				this.timer.record(Duration.ofNanos(System.nanoTime() - this.started));
			}
		}

	}

}

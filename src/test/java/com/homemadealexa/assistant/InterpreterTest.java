package com.homemadealexa.assistant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.homemadealexa.assistant.Interpretation.Route;
import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.llm.ChatMessage;
import com.homemadealexa.llm.LanguageModel;
import com.homemadealexa.llm.LanguageModelException;
import com.homemadealexa.llm.ModelReply;
import com.homemadealexa.llm.ModelRequest;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.skill.ConversationAgent;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillCatalog;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class InterpreterTest {

	private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("Europe/Warsaw"));

	@TempDir
	Path templates;

	private final ScriptedModel model = new ScriptedModel();

	private final List<SkillArguments> lightCalls = new CopyOnWriteArrayList<>();

	private final List<String> sentences = new ArrayList<>();

	@Test
	void answersAMatchedCommandLocallyWithoutTheModel() {
		Interpretation answer = interpreter(Locale.US, true).interpret("kitchen", "What time is it?",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.LOCAL);
		assertThat(answer.phrase()).isEqualTo("It is noon.");
		assertThat(this.sentences).containsExactly("It is noon.");
		assertThat(this.model.requests).isEmpty();
	}

	@Test
	void fillsSlotsFromTheUtteranceEvenWithoutPolishLetters() {
		Interpretation answer = interpreter(PhrasesTestData.POLISH, true).interpret("kitchen", "Wlacz lampe w kuchni",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.LOCAL);
		assertThat(this.lightCalls).singleElement()
			.satisfies((arguments) -> assertThat(arguments.values()).containsEntry("state", "on")
				.containsEntry("device", "kuchni"));
	}

	@Test
	void nearMissesGoToTheModel() {
		this.model.reply = new ModelReply.Text("I am not sure.");
		Interpretation answer = interpreter(Locale.US, true).interpret("kitchen", "what time is it in Tokyo",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.CHAT);
		assertThat(this.model.requests).hasSize(1);
	}

	@Test
	void localFirstCanBeSwitchedOff() {
		this.model.reply = new ModelReply.ToolCall("get_time", "{}");
		Interpretation answer = interpreter(Locale.US, false).interpret("kitchen", "what time is it",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.SKILL);
		assertThat(this.model.requests).hasSize(1);
	}

	@Test
	void aUserTemplateFileAddsAPhrasing() throws IOException {
		Files.writeString(this.templates.resolve("en-mine.txt"), "[get_time]\nhow late is it\n");
		Interpretation answer = interpreter(Locale.US, true).interpret("kitchen", "How late is it?",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.LOCAL);
	}

	@Test
	void sendsTheSystemPromptWithTheLocalTimeAndEveryToolToTheModel() {
		this.model.reply = new ModelReply.Text("Hello there.");
		interpreter(Locale.US, true).interpret("kitchen", "tell me something", this.sentences::add);
		ModelRequest request = this.model.requests.getFirst();
		assertThat(request.systemPrompt()).contains("Alexa").contains("2026-11-23T13:00");
		assertThat(request.tools()).extracting((tool) -> tool.name()).containsExactly("get_time", "lights");
		assertThat(request.userText()).isEqualTo("tell me something");
	}

	@Test
	void keepsAHistoryPerConversation() {
		Interpreter interpreter = interpreter(Locale.US, true);
		this.model.reply = new ModelReply.Text("Hi kitchen.");
		interpreter.interpret("kitchen", "hello from the kitchen", this.sentences::add);
		this.model.reply = new ModelReply.Text("Hi bedroom.");
		interpreter.interpret("bedroom", "hello from the bedroom", this.sentences::add);
		interpreter.interpret("kitchen", "and again", this.sentences::add);
		assertThat(this.model.requests.get(2).history()).containsExactly(ChatMessage.user("hello from the kitchen"),
				ChatMessage.assistant("Hi kitchen."));
	}

	@Test
	void streamsTheModelsTextSentenceBySentence() {
		this.model.reply = new ModelReply.Text("One. Two. Three.");
		this.model.deltas = List.of("One. T", "wo. Thr", "ee.");
		List<String> seenWhileStreaming = new ArrayList<>();
		this.model.onDelta = () -> seenWhileStreaming.add(String.join("|", this.sentences));
		interpreter(Locale.US, true).interpret("kitchen", "count to three", this.sentences::add);
		assertThat(seenWhileStreaming).containsExactly("", "One.", "One.|Two.");
		assertThat(this.sentences).containsExactly("One.", "Two.", "Three.");
	}

	@Test
	void aBadToolCallIsAnsweredNotThrown() {
		this.model.reply = new ModelReply.ToolCall("lights", "{\"state\":\"purple\"}");
		Interpretation answer = interpreter(Locale.US, true).interpret("kitchen", "make it purple",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.FALLBACK);
		assertThat(answer.end()).isFalse();
		assertThat(this.lightCalls).isEmpty();
		this.model.reply = new ModelReply.ToolCall("teleport", "{}");
		assertThat(interpreter(Locale.US, true).interpret("kitchen", "beam me up", this.sentences::add).route())
			.isEqualTo(Route.FALLBACK);
	}

	@Test
	void aFailingModelGivesTheSimpleCommandsPhraseAndEndsTheConversation() {
		this.model.failure = new LanguageModelException("connection refused");
		Interpretation answer = interpreter(Locale.US, true).interpret("kitchen", "tell me a story",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.FALLBACK);
		assertThat(answer.end()).isTrue();
		assertThat(answer.phrase()).containsIgnoringCase("simple commands");
	}

	@Test
	void withoutAModelTheAgentAnswersWhatNoTemplateMatched() {
		ScriptedAgent agent = new ScriptedAgent(false,
				new ConversationAgent.Reply("assist", "The door is locked.", true, true));
		Interpretation answer = interpreter(Locale.US, "", agent).interpret("kitchen", "is the front door locked",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.AGENT);
		assertThat(answer.phrase()).isEqualTo("The door is locked.");
		assertThat(this.sentences).containsExactly("The door is locked.");
		assertThat(agent.texts).containsExactly("is the front door locked");
		assertThat(this.model.requests).isEmpty();
	}

	@Test
	void aLocalTemplateStillComesBeforeEvenAPreferredAgent() {
		ScriptedAgent agent = new ScriptedAgent(true, new ConversationAgent.Reply("assist", "Noon-ish.", true, true));
		Interpretation answer = interpreter(Locale.US, "key", agent).interpret("kitchen", "what time is it",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.LOCAL);
		assertThat(agent.texts).isEmpty();
	}

	@Test
	void withAModelTheAgentWaitsUnlessPreferred() {
		this.model.reply = new ModelReply.Text("A story.");
		ScriptedAgent agent = new ScriptedAgent(false, new ConversationAgent.Reply("assist", "Done.", true, true));
		Interpretation answer = interpreter(Locale.US, "key", agent).interpret("kitchen", "tell me a story",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.CHAT);
		assertThat(agent.texts).isEmpty();
	}

	@Test
	void aPreferredAgentGoesFirstAndTheModelTriesWhatItDidNotUnderstand() {
		this.model.reply = new ModelReply.Text("A story.");
		ScriptedAgent agent = new ScriptedAgent(true,
				new ConversationAgent.Reply("assist error", "Sorry, I couldn't understand that", false, true));
		Interpretation answer = interpreter(Locale.US, "key", agent).interpret("kitchen", "tell me a story",
				this.sentences::add);
		assertThat(agent.texts).containsExactly("tell me a story");
		assertThat(answer.route()).isEqualTo(Route.CHAT);
		assertThat(this.model.requests).hasSize(1);
		agent.reply = new ConversationAgent.Reply("assist action_done", "Turned on the light", true, true);
		assertThat(interpreter(Locale.US, "key", agent)
			.interpret("kitchen", "turn on the light in the attic", this.sentences::add)
			.route()).isEqualTo(Route.AGENT);
		assertThat(this.model.requests).hasSize(1);
	}

	@Test
	void aFailingModelHandsTheCommandToTheAgent() {
		this.model.failure = new LanguageModelException("connection refused");
		ScriptedAgent agent = new ScriptedAgent(false, new ConversationAgent.Reply("assist", "Done.", true, true));
		Interpretation answer = interpreter(Locale.US, "key", agent).interpret("kitchen", "close the garage",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.AGENT);
		assertThat(agent.texts).containsExactly("close the garage");
	}

	@Test
	void withoutAModelAnAgentThatDidNotUnderstandIsStillHeard() {
		ScriptedAgent agent = new ScriptedAgent(false,
				new ConversationAgent.Reply("assist error", "Sorry, I couldn't understand that", false, true));
		Interpretation answer = interpreter(Locale.US, "", agent).interpret("kitchen", "fly me to the moon",
				this.sentences::add);
		assertThat(answer.route()).isEqualTo(Route.AGENT);
		assertThat(answer.phrase()).isEqualTo("Sorry, I couldn't understand that");
	}

	@Test
	void aNumberSlotIsReadAsANumberOrTheTemplateDoesNotMatch() throws IOException {
		Files.writeString(this.templates.resolve("en-mine.txt"), "[dimmer]\ndim to {level} percent\n");
		List<SkillArguments> calls = new CopyOnWriteArrayList<>();
		Interpreter interpreter = interpreter(Locale.US, "key", null, new Dimmer(calls));
		assertThat(interpreter.interpret("kitchen", "Dim to 40 percent", this.sentences::add).route())
			.isEqualTo(Route.LOCAL);
		assertThat(interpreter.interpret("kitchen", "dim to 21,5 percent", this.sentences::add).route())
			.isEqualTo(Route.LOCAL);
		assertThat(calls).extracting((arguments) -> arguments.values().get("level")).containsExactly(40.0, 21.5);
		this.model.reply = new ModelReply.Text("Hm?");
		assertThat(interpreter.interpret("kitchen", "dim to forty percent", this.sentences::add).route())
			.isEqualTo(Route.CHAT);
	}

	@Test
	void aSkillThatDoesNotClaimAMatchLeavesItToTheNextTemplate() throws IOException {
		Files.writeString(this.templates.resolve("en-mine.txt"),
				"[dimmer]\nswitch on {level}\n[get_time]\nswitch on 5\n");
		Interpreter interpreter = interpreter(Locale.US, "key", null, new Dimmer(new CopyOnWriteArrayList<>()) {
			@Override
			public boolean claims(Map<String, Object> arguments) {
				return false;
			}
		});
		this.model.reply = new ModelReply.Text("Hm?");
		assertThat(interpreter.interpret("kitchen", "switch on 5", this.sentences::add).label()).isEqualTo("time");
	}

	private Interpreter interpreter(Locale locale, String openAiKey, ConversationAgent agent, Skill... extra) {
		AssistantSettings assistant = new AssistantSettings(locale.toLanguageTag().equals("en-US") ? "en-US" : "pl-PL",
				"Alexa", "Europe/Warsaw", true, this.templates.toString());
		Phrases phrases = new Phrases(PhrasesTestData.messageSource(), assistant);
		List<Skill> skills = new ArrayList<>(List.of(new NoonClock(), new Lights(this.lightCalls)));
		skills.addAll(List.of(extra));
		SkillCatalog catalog = new SkillCatalog(skills, JsonMapper.builder().build());
		OpenAiSettings openAi = new OpenAiSettings(openAiKey, "http://127.0.0.1:1/v1", "gpt-4.1", 300, 5, true);
		return new Interpreter(this.model, catalog, localCommands(assistant, catalog), phrases,
				new InterpreterConfiguration().interpreterSettings(assistant, openAi), NOON, new SimpleMeterRegistry(),
				(agent != null) ? List.of(agent) : List.of());
	}

	static final class ScriptedAgent implements ConversationAgent {

		final List<String> texts = new CopyOnWriteArrayList<>();

		final boolean preferred;

		ConversationAgent.Reply reply;

		ScriptedAgent(boolean preferred, ConversationAgent.Reply reply) {
			this.preferred = preferred;
			this.reply = reply;
		}

		@Override
		public boolean preferred() {
			return this.preferred;
		}

		@Override
		public ConversationAgent.Reply converse(String text, SkillContext context) {
			this.texts.add(text);
			return this.reply;
		}

	}

	static class Dimmer implements Skill {

		private final List<SkillArguments> calls;

		Dimmer(List<SkillArguments> calls) {
			this.calls = calls;
		}

		@Override
		public String name() {
			return "dimmer";
		}

		@Override
		public String description(Locale locale) {
			return "Dims";
		}

		@Override
		public List<Parameter> parameters() {
			return List.of(Parameter.number("level", "percent"));
		}

		@Override
		public SkillResult execute(SkillArguments arguments, SkillContext context) {
			this.calls.add(arguments);
			return SkillResult.say("dimmed", "Dimmed.");
		}

	}

	private Interpreter interpreter(Locale locale, boolean preferLocal) {
		AssistantSettings assistant = new AssistantSettings(locale.toLanguageTag().equals("en-US") ? "en-US" : "pl-PL",
				"Alexa", "Europe/Warsaw", preferLocal, this.templates.toString());
		Phrases phrases = new Phrases(PhrasesTestData.messageSource(), assistant);
		SkillCatalog catalog = new SkillCatalog(List.of(new NoonClock(), new Lights(this.lightCalls)),
				JsonMapper.builder().build());
		OpenAiSettings openAi = new OpenAiSettings("key", "http://127.0.0.1:1/v1", "gpt-4.1", 300, 5, true);
		return new Interpreter(this.model, catalog, localCommands(assistant, catalog), phrases,
				new InterpreterConfiguration().interpreterSettings(assistant, openAi), NOON, new SimpleMeterRegistry(),
				List.of());
	}

	private static LocalCommands localCommands(AssistantSettings assistant, SkillCatalog catalog) {
		return new InterpreterConfiguration().localCommands(assistant, catalog);
	}

	static final class ScriptedModel implements LanguageModel {

		final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

		ModelReply reply = new ModelReply.Text("");

		List<String> deltas;

		Runnable onDelta = () -> {
		};

		RuntimeException failure;

		@Override
		public ModelReply reply(ModelRequest request, Consumer<String> textDeltas) {
			this.requests.add(request);
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.reply instanceof ModelReply.Text text) {
				for (String delta : (this.deltas != null) ? this.deltas : List.of(text.text())) {
					this.onDelta.run();
					textDeltas.accept(delta);
				}
			}
			return this.reply;
		}

	}

	static final class NoonClock implements Skill {

		@Override
		public String name() {
			return "get_time";
		}

		@Override
		public String description(Locale locale) {
			return "Tells the time";
		}

		@Override
		public SkillResult execute(SkillArguments arguments, SkillContext context) {
			return SkillResult.say("time", "It is noon.");
		}

	}

	record Lights(List<SkillArguments> calls) implements Skill {

		@Override
		public String name() {
			return "lights";
		}

		@Override
		public String description(Locale locale) {
			return "Switches lights";
		}

		@Override
		public List<Parameter> parameters() {
			return List.of(Parameter.choice("state", "on/off", List.of("on", "off")),
					Parameter.choice("device", "which", List.of("kuchni", "salon")).optional());
		}

		@Override
		public SkillResult execute(SkillArguments arguments, SkillContext context) {
			this.calls.add(arguments);
			return SkillResult.say("lights", "Done.");
		}

	}

}

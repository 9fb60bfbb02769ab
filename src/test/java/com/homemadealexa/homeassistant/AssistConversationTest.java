package com.homemadealexa.homeassistant;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.skill.ConversationAgent.Reply;
import com.homemadealexa.skill.SkillContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assist as the fallback brain, over the production client against a loopback Home
 * Assistant: each {@code response_type}, the conversation id per device, failures.
 */
class AssistConversationTest {

	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-01T10:00:00+01:00[Europe/Warsaw]");

	@RegisterExtension
	static final LoopbackHomeAssistant homeAssistant = new LoopbackHomeAssistant();

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void anActionDoneIsSaidInAssistsWords() {
		homeAssistant.stubs().assist("garage", "action_done", "Opened the garage door", "", false);
		Reply reply = assist(Locale.US).converse("open the garage", context("kitchen", Locale.US));
		assertThat(reply).isEqualTo(new Reply("assist action_done", "Opened the garage door", true, true));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
				.withRequestBody(matchingJsonPath("$.language", equalTo("en"))));
	}

	@Test
	void aQueryAnswerThatExpectsMoreKeepsTheConversationOpen() {
		homeAssistant.stubs().assist("temperature", "query_answer", "It is 19 degrees. Anything else?", "", true);
		Reply reply = assist(Locale.US).converse("what's the temperature inside", context("kitchen", Locale.US));
		assertThat(reply.phrase()).isEqualTo("It is 19 degrees. Anything else?");
		assertThat(reply.understood()).isTrue();
		assertThat(reply.end()).isFalse();
	}

	@Test
	void anErrorIsNotUnderstoodButSaid() {
		homeAssistant.stubs().assist("moon", "error", "Sorry, I couldn't understand that", "no_intent_match", false);
		Reply reply = assist(Locale.US).converse("fly me to the moon", context("kitchen", Locale.US));
		assertThat(reply)
			.isEqualTo(new Reply("assist error no_intent_match", "Sorry, I couldn't understand that", false, true));
	}

	@Test
	void anActionDoneWithoutSpeechIsConfirmed() {
		homeAssistant.stubs().assist("zapal", "action_done", "", "", false);
		Reply reply = assist(PhrasesTestData.POLISH).converse("zapal lampkę nocną",
				context("kitchen", PhrasesTestData.POLISH));
		assertThat(reply.phrase()).isEqualTo("Zrobione.");
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
				.withRequestBody(matchingJsonPath("$.language", equalTo("pl"))));
	}

	@Test
	void eachDeviceContinuesItsOwnConversationUntilItGoesQuiet() {
		homeAssistant.stubs().assist("", "query_answer", "Yes.", "", true);
		AssistConversation assist = assist(Locale.US);
		assist.converse("first", context("kitchen", Locale.US));
		assist.converse("second", context("kitchen", Locale.US));
		assist.converse("third", context("bedroom", Locale.US));
		this.nanos.addAndGet(Duration.ofMinutes(AssistConversation.CONVERSATION_MINUTES + 1).toNanos());
		assist.converse("fourth", context("kitchen", Locale.US));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
				.withRequestBody(matchingJsonPath("$[?(@.text == 'first' && !@.conversation_id)]")));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process")).withRequestBody(
					matchingJsonPath("$[?(@.text == 'second' && @.conversation_id == '01JD5Z0ASSISTCONVERSATION1')]")));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
				.withRequestBody(matchingJsonPath("$[?(@.text == 'third' && !@.conversation_id)]")));
		homeAssistant.server()
			.verify(postRequestedFor(urlEqualTo("/api/conversation/process"))
				.withRequestBody(matchingJsonPath("$[?(@.text == 'fourth' && !@.conversation_id)]")));
	}

	@Test
	void homeAssistantDownIsAnApologyThatLetsTheModelTry() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		HomeAssistantSettings settings = HomeTestData.settings("http://127.0.0.1:" + closedPort);
		AssistConversation assist = new AssistConversation(
				new HomeAssistantClient(settings, JsonMapper.builder().build()), settings,
				PhrasesTestData.phrases(PhrasesTestData.POLISH), this.nanos::get);
		Reply reply = assist.converse("która jest godzina w Tokio", context("kitchen", PhrasesTestData.POLISH));
		assertThat(reply.understood()).isFalse();
		assertThat(reply.phrase()).isEqualTo("Przepraszam, Home Assistant teraz nie odpowiada.");
	}

	@Test
	void isPreferredOnlyWhenConfiguredSo() {
		assertThat(assist(Locale.US).preferred()).isFalse();
		HomeAssistantSettings first = HomeTestData.settings(homeAssistant.url(), "home_assistant");
		assertThat(new AssistConversation(new HomeAssistantClient(first, JsonMapper.builder().build()), first,
				PhrasesTestData.phrases(Locale.US))
			.preferred()).isTrue();
	}

	private AssistConversation assist(Locale locale) {
		HomeAssistantSettings settings = HomeTestData.settings(homeAssistant.url());
		return new AssistConversation(new HomeAssistantClient(settings, JsonMapper.builder().build()), settings,
				PhrasesTestData.phrases(locale), this.nanos::get);
	}

	private static SkillContext context(String device, Locale locale) {
		return new SkillContext(device, locale, NOW);
	}

}

package com.homemadealexa.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The production OpenAI adapter against a loopback server speaking the chat completions
 * wire format, whole and streamed.
 */
class OpenAiLanguageModelTest {

	static final WireMockServer openAi = LoopbackWireMock.start();

	static final OpenAiChatStubs chat = new OpenAiChatStubs(openAi);

	private final List<String> deltas = new ArrayList<>();

	private final ModelRequest request = new ModelRequest("You are Alexa.",
			List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello")), "turn on the lamp",
			List.of(new ToolDefinition("lights", "Switches the lights",
					List.of(Parameter.choice("state", "on or off", List.of("on", "off"))))));

	@BeforeEach
	void reset() {
		openAi.resetAll();
	}

	@AfterAll
	static void stop() {
		openAi.stop();
	}

	@Test
	void sendsThePromptHistoryAndToolsAndReadsAWholeTextAnswer() {
		chat.answerText("turn on the lamp", "Which lamp?");
		ModelReply reply = model(false).reply(this.request, this.deltas::add);
		assertThat(reply).isEqualTo(new ModelReply.Text("Which lamp?"));
		assertThat(this.deltas).containsExactly("Which lamp?");
		openAi.verify(postRequestedFor(urlEqualTo(OpenAiChatStubs.PATH))
			.withHeader("Authorization", equalTo("Bearer test-key"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1")))
			.withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
			.withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("hi")))
			.withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
			.withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("lights")))
			.withRequestBody(matchingJsonPath("$.tools[0].function.parameters.required[0]", equalTo("state")))
			.withRequestBody(matchingJsonPath("$.tool_choice", equalTo("auto"))));
	}

	@Test
	void readsAWholeToolCall() {
		chat.callTool("turn on the lamp", "lights", "{\"state\":\"on\"}");
		assertThat(model(false).reply(this.request, this.deltas::add))
			.isEqualTo(new ModelReply.ToolCall("lights", "{\"state\":\"on\"}"));
		assertThat(this.deltas).isEmpty();
	}

	@Test
	void passesStreamedTextOnPieceByPiece() {
		chat.streamText("turn on the lamp", List.of("Which ", "lamp? ", "The kitchen one?"));
		assertThat(model(true).reply(this.request, this.deltas::add))
			.isEqualTo(new ModelReply.Text("Which lamp? The kitchen one?"));
		assertThat(this.deltas).containsExactly("Which ", "lamp? ", "The kitchen one?");
	}

	@Test
	void assemblesAStreamedToolCall() {
		chat.callTool("turn on the lamp", "lights", "{\"state\":\"on\"}");
		assertThat(model(true).reply(this.request, this.deltas::add))
			.isEqualTo(new ModelReply.ToolCall("lights", "{\"state\":\"on\"}"));
	}

	@Test
	void turnsServerErrorsGarbageAndResetsIntoLanguageModelExceptions() {
		chat.failWith(500);
		assertThatExceptionOfType(LanguageModelException.class)
			.isThrownBy(() -> model(false).reply(this.request, this.deltas::add));
		openAi.resetAll();
		openAi.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{oops")));
		assertThatExceptionOfType(LanguageModelException.class)
			.isThrownBy(() -> model(false).reply(this.request, this.deltas::add));
		openAi.resetAll();
		openAi.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(LanguageModelException.class)
			.isThrownBy(() -> model(true).reply(this.request, this.deltas::add));
	}

	private static OpenAiLanguageModel model(boolean stream) {
		return new OpenAiLanguageModel(
				new OpenAiSettings("test-key", OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300, 5, stream));
	}

}

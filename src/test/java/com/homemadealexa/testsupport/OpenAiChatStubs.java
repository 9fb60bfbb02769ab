package com.homemadealexa.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Stubs of OpenAI's chat completions API on a WireMock server, in its real wire format:
 * whole JSON answers and {@code text/event-stream} chunks, with text or a tool call.
 */
public final class OpenAiChatStubs {

	public static final String PATH = "/v1/chat/completions";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WireMockServer server;

	public OpenAiChatStubs(WireMockServer server) {
		this.server = server;
	}

	/** Any request whose last user message contains {@code userText} gets this text. */
	public void answerText(String userText, String answer) {
		this.server.stubFor(forUser(userText).willReturn(textResponse(answer)));
		List<String> pieces = List.of(answer.split("(?<= )"));
		this.server.stubFor(streamed(forUser(userText)).willReturn(streamResponse(pieces)));
	}

	/**
	 * Requests whose user message contains {@code userText} get this tool call, whole or
	 * streamed as the request asks.
	 */
	public void callTool(String userText, String tool, String argumentsJson) {
		this.server.stubFor(forUser(userText).willReturn(toolCallResponse(tool, argumentsJson)));
		String firstDelta = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
				+ "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":" + quote(tool)
				+ ",\"arguments\":\"\"}}]}";
		String argumentsDelta = "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(argumentsJson)
				+ "}}]}";
		this.server.stubFor(streamed(forUser(userText)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(chunk(firstDelta, null) + chunk(argumentsDelta, null) + chunk("{}", "tool_calls")
					+ "data: [DONE]\n\n")));
	}

	private static MappingBuilder streamed(MappingBuilder mapping) {
		return mapping.withRequestBody(matchingJsonPath("$.stream", equalTo("true"))).atPriority(1);
	}

	/**
	 * Streaming requests whose user message contains {@code userText} get these pieces.
	 */
	public void streamText(String userText, List<String> pieces) {
		this.server.stubFor(streamed(forUser(userText)).willReturn(streamResponse(pieces)));
	}

	/** Like {@link #streamText} but the events trickle in over {@code total}. */
	public void streamTextSlowly(String userText, List<String> pieces, java.time.Duration total) {
		this.server.stubFor(streamed(forUser(userText))
			.willReturn(streamResponse(pieces).withChunkedDribbleDelay(pieces.size() * 3, (int) total.toMillis())));
	}

	/** Every chat request fails with this HTTP status. */
	public void failWith(int status) {
		this.server.stubFor(post(urlEqualTo(PATH)).atPriority(0)
			.willReturn(aResponse().withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}")));
	}

	public int requestCount() {
		return this.server.findAll(postRequestedFor(urlEqualTo(PATH))).size();
	}

	/**
	 * The server sends the model the transcript as the interpreter normalised it:
	 * stripped of trailing punctuation and lower-cased. A stub written as the user said
	 * it ("Tell me a joke.") would never match that ("tell me a joke") by a plain
	 * {@code containing}, and its request would get WireMock's 404; so the stub's text is
	 * matched the same way, case-insensitively and without its trailing punctuation.
	 */
	private static MappingBuilder forUser(String userText) {
		String said = userText.strip().replaceAll("[\\s.,?!]+$", "");
		return post(urlEqualTo(PATH)).atPriority(5)
			.withRequestBody(
					matchingJsonPath("$.messages[-1:].content", matching("(?isu).*" + Pattern.quote(said) + ".*")));
	}

	public static ResponseDefinitionBuilder textResponse(String answer) {
		return jsonResponse(textMessage(answer));
	}

	/** The body of a whole (not streamed) text answer. */
	public static String textMessage(String answer) {
		return message("{\"role\":\"assistant\",\"content\":" + quote(answer) + ",\"refusal\":null}", "stop");
	}

	public static ResponseDefinitionBuilder toolCallResponse(String tool, String argumentsJson) {
		return jsonResponse(message("{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"tool_calls\":[{"
				+ "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":" + quote(tool) + ",\"arguments\":"
				+ quote(argumentsJson) + "}}]}", "tool_calls"));
	}

	public static ResponseDefinitionBuilder streamResponse(List<String> pieces) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(String.join("", sseEvents(pieces)));
	}

	/** The SSE events of a streamed text answer, one per piece, then the final ones. */
	public static List<String> sseEvents(List<String> pieces) {
		List<String> events = new ArrayList<>();
		events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
		pieces.forEach((piece) -> events.add(chunk("{\"content\":" + quote(piece) + "}", null)));
		events.add(chunk("{}", "stop"));
		events.add("data: [DONE]\n\n");
		return events;
	}

	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1763900000,"
				+ "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
				+ "\"finish_reason\":" + ((finishReason != null) ? quote(finishReason) : "null") + "}]}\n\n";
	}

	private static String message(String message, String finishReason) {
		return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1763900000,\"model\":\"gpt-4.1\","
				+ "\"choices\":[{\"index\":0,\"message\":" + message + ",\"logprobs\":null,\"finish_reason\":"
				+ quote(finishReason) + "}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
				+ "\"total_tokens\":15}}";
	}

	private static ResponseDefinitionBuilder jsonResponse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String quote(String text) {
		return json.writeValueAsString(text);
	}

}

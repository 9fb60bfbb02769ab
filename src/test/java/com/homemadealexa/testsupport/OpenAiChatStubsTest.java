package com.homemadealexa.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat stubs match what the server really sends: the transcript as the interpreter
 * normalised it (lower-cased, no trailing punctuation), after the conversation so far.
 */
class OpenAiChatStubsTest {

	final WireMockServer openAi = LoopbackWireMock.start();

	final OpenAiChatStubs chat = new OpenAiChatStubs(this.openAi);

	@AfterEach
	void stop() {
		this.openAi.stop();
	}

	@Test
	void aStubWrittenAsTheUserSaidItMatchesTheNormalisedTranscript() throws Exception {
		this.chat.answerText("Tell me a joke.", "Knock knock.");
		this.chat.answerText("Żółw", "Żółwie są powolne.");

		assertThat(complete("tell me a joke")).contains("Knock knock.");
		assertThat(complete("opowiedz mi o żółwiach")).contains("Żółwie są powolne.");
	}

	@Test
	void aWordInsideALongPolishTranscriptMatches() throws Exception {
		this.chat.answerText("kocie", "Dobrze.");
		String transcript = "opowiedz mi bardzo długą historię o żółtym kocie, który mieszkał w łodzi. ".repeat(5)
				+ "to koniec historii numer 42";

		assertThat(complete(transcript)).contains("Dobrze.");
	}

	@Test
	void onlyTheLastUserMessageCounts() throws Exception {
		this.chat.answerText("tell me a joke", "Knock knock.");

		HttpResponse<String> response = post("{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"tell me a joke\"},{\"role\":\"assistant\",\"content\":\"Knock knock.\"},"
				+ "{\"role\":\"user\",\"content\":\"who is there\"}]}");

		assertThat(response.statusCode()).isEqualTo(404);
	}

	private String complete(String userText) throws Exception {
		HttpResponse<String> response = post("{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"system\","
				+ "\"content\":\"Jesteś Alexa.\"},{\"role\":\"user\",\"content\":\"" + userText + "\"}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> post(String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(LoopbackWireMock.url(this.openAi) + OpenAiChatStubs.PATH))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}

package com.homemadealexa.assistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.Model;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An LLM is configured but its server fails: matched commands never reach it, the rest
 * get the simple-commands phrase.
 */
@CloudFakesTest(language = "en-US", model = Model.DOWN)
class LocalFirstWithModelDownTest extends CloudFakesIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aMatchedCommandMakesNoRequestToTheModel() throws Exception {
		double localBefore = this.meters.counter("alexa.interpretations", "route", "local").count();
		JsonNode answer = chat("What time is it?");
		assertThat(answer.get("response_phrase").asString()).containsPattern("\\d{1,2}:\\d{2}");
		assertThat(chat.requestCount()).isZero();
		assertThat(this.meters.counter("alexa.interpretations", "route", "local").count()).isEqualTo(localBefore + 1);
	}

	@Test
	void anUnmatchedCommandGetsTheSimpleCommandsPhraseWhenTheModelFails() throws Exception {
		JsonNode answer = chat("tell me a story about a dragon");
		assertThat(answer.get("label").asString()).isEqualTo("fallback");
		assertThat(answer.get("response_phrase").asString()).containsIgnoringCase("simple commands");
		assertThat(chat.requestCount()).isPositive();
	}

	private JsonNode chat(String command) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/internal/chat")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"" + command + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

}

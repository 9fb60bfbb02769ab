package com.homemadealexa.audio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class AbortRouteIntegrationTest extends CloudFakesIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void abortsPlaybackOnTheAudioServer() throws Exception {
		HttpResponse<String> response = postAbort();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).path("status").asString()).isEqualTo("ok");
		assertThat(CloudFakes.audioServer().aborts()).isEqualTo(1);
	}

	@Test
	void answersBadGatewayWhenTheAudioServerRefuses() throws Exception {
		CloudFakes.audioServer().failWith(500);

		HttpResponse<String> response = postAbort();

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(502);
		assertThat(problem.path("detail").asString()).contains("audio server");
	}

	private HttpResponse<String> postAbort() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/internal/abort")))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}

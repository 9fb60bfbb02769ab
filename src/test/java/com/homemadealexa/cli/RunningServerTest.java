package com.homemadealexa.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.homemadealexa.device.Devices;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.TextToSpeech;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/**
 * The running server for the client's tests, with OpenAI and the audio server replaced by
 * loopback fakes speaking their wire formats. The fakes and the folder are shared by the
 * subclasses, so they share one application context too.
 */
@CloudFakesTest(language = "en-US", preferLocal = false, textToSpeech = TextToSpeech.OPENAI,
		password = RunningServerTest.PASSWORD, voiceMillis = 300)
abstract class RunningServerTest extends CloudFakesIntegrationTest {

	static final String PASSWORD = "open sesame";

	static final JsonMapper json = JsonMapper.builder().build();

	/** Outlives each test class, as the context does; removed when the JVM exits. */
	static final Path folder = CloudFakes.folder(RunningServerTest.class);

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Devices devices;

	@BeforeEach
	void waitForNoDevices() {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.devices.connected().isEmpty());
	}

	URI server() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** Logins the server has answered, counted by its own request metrics. */
	long logins() throws Exception {
		HttpResponse<String> response = get(
				"/actuator/metrics/http.server.requests?tag=uri:/api/public/auth/login&tag=status:200");
		if (response.statusCode() == 404) {
			return 0;
		}
		for (JsonNode measurement : json.readTree(response.body()).get("measurements")) {
			if (measurement.get("statistic").asString().equals("COUNT")) {
				return measurement.get("value").asLong();
			}
		}
		throw new AssertionError("No COUNT in " + response.body());
	}

	HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(server().resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(server().resolve(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

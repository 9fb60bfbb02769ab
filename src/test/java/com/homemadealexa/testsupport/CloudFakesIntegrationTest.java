package com.homemadealexa.testsupport;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests that run the whole application against the
 * {@link CloudFakes}: a real server on a random port, the audio server, OpenAI and Azure
 * faked on loopback, state in a temporary folder. Subclasses that add no configuration of
 * their own share one application context. Fakes are reset before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CloudFakesIntegrationTest {

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void cloudFakes(DynamicPropertyRegistry registry) {
		CloudFakes.registerProperties(registry);
	}

	@BeforeEach
	void resetCloudFakes() {
		CloudFakes.resetAll();
	}

	/** {@code http://127.0.0.1:<port><path>} */
	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}

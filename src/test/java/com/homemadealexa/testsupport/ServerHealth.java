package com.homemadealexa.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a server started in a process of its own is up: its {@code /actuator/health}
 * answers 200. For the tests and benchmarks that wait for one.
 */
public final class ServerHealth {

	private ServerHealth() {
	}

	/**
	 * @param base the server's base URL, e.g. {@code http://127.0.0.1:8080}
	 * @return false also when it does not answer within 2 s, or refuses the connection
	 */
	public static boolean isUp(HttpClient http, URI base) {
		try {
			return http
				.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

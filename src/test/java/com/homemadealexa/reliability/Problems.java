package com.homemadealexa.reliability;

import java.util.Optional;

import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer to bad input must look like: no server error, and a refusal is an RFC
 * 9457 problem body that gives nothing of the server's insides away.
 */
final class Problems {

	private Problems() {
	}

	/**
	 * @param status the answer's status
	 * @param contentType its Content-Type, if any
	 * @param body its body
	 * @param what the request, for the failure message
	 */
	static void assertRefusedCleanly(int status, Optional<String> contentType, String body, String what) {
		assertThat(status).as("status of %s (body %s)", what, shorten(body)).isBetween(200, 499);
		if (status >= 400) {
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(contentType)
				.as("Content-Type of the %d answer to %s", status, what)
				.hasValueSatisfying((type) -> assertThat(type)
					.as("Content-Type of the %d answer to %s (body %s)", status, what, shorten(body))
					.startsWith("application/problem+json"));
			softly.assertThat(body)
				.as("body of the %d answer to %s", status, what)
				.contains("\"status\":" + status)
				.doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain("at com.homemadealexa")
				.doesNotContain("at org.springframework");
			softly.assertAll();
		}
	}

	static String shorten(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

}

package com.homemadealexa.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what the server answered, or why it could not be reached, into messages for the
 * user.
 */
final class ServerResponses {

	static final JsonMapper json = JsonMapper.builder().build();

	private ServerResponses() {
	}

	/**
	 * @return the body as JSON
	 * @throws CliException when it is not JSON
	 */
	static JsonNode jsonBody(HttpResponse<String> response) {
		try {
			return json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new CliException(
					"The server answered HTTP " + response.statusCode() + " with something that is not JSON", ex);
		}
	}

	/**
	 * The RFC 9457 problem's detail (or title) when the body is one, else the status.
	 */
	static String problem(HttpResponse<String> response) {
		String reason = "HTTP " + response.statusCode();
		try {
			JsonNode body = json.readTree(response.body());
			for (String field : new String[] { "detail", "title", "error" }) {
				JsonNode value = body.get(field);
				if (value != null && value.isString() && !value.asString().isBlank()) {
					return reason + ": " + value.asString();
				}
			}
		}
		catch (JacksonException ex) {
			// Not a problem body: the status says enough.
		}
		return reason;
	}

	static CliException unreachable(URI server, IOException ex) {
		String why = switch (ex) {
			case HttpConnectTimeoutException timeout -> "the connection timed out";
			case HttpTimeoutException timeout -> "no answer in time";
			case ConnectException refused -> "connection refused (is the server running?)";
			default -> (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		};
		return new CliException("Cannot reach the server at " + server + ": " + why, ex);
	}

	/** The root cause's message (or its type), for one line to the user. */
	static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root && !(root instanceof CliException)) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null && !message.isBlank()) ? message : root.getClass().getSimpleName();
	}

}

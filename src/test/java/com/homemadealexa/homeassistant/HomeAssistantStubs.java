package com.homemadealexa.homeassistant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Home Assistant's REST API on a WireMock server, in its documented wire format
 * (developers.home-assistant.io, "REST API" and "Conversation API"). Like Home Assistant,
 * it answers 401 to a request without the right bearer token.
 */
final class HomeAssistantStubs {

	private final WireMockServer server;

	HomeAssistantStubs(WireMockServer server) {
		this.server = server;
	}

	/**
	 * The home of {@link HomeTestData#STATES_JSON}, its areas, and 200 for every service
	 * call (with the changed states, as Home Assistant answers).
	 */
	void home() {
		this.server.stubFor(authorized(get(urlEqualTo("/api/"))).willReturn(json("{\"message\": \"API running.\"}")));
		this.server.stubFor(authorized(get(urlEqualTo("/api/states"))).willReturn(json(HomeTestData.STATES_JSON)));
		this.server
			.stubFor(authorized(post(urlEqualTo("/api/template"))).withRequestBody(matchingJsonPath("$.template"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "text/plain; charset=utf-8")
					.withBody(HomeTestData.AREAS_TEXT)));
		this.server.stubFor(authorized(post(urlPathMatching("/api/services/[a-z_]+/[a-z_]+")))
			.willReturn(json("[{\"entity_id\": \"light.kitchen\", \"state\": \"on\", \"attributes\": {}}]")));
		this.server.stubFor(post(urlPathMatching("/api/.*")).atPriority(10)
			.willReturn(aResponse().withStatus(401).withBody("401: Unauthorized")));
		this.server.stubFor(get(urlPathMatching("/api/.*")).atPriority(10)
			.willReturn(aResponse().withStatus(401).withBody("401: Unauthorized")));
	}

	/** Assist answers a text containing {@code text} like this. */
	void assist(String text, String responseType, String speech, String errorCode, boolean continueConversation) {
		String data = errorCode.isEmpty() ? "{\"targets\": [], \"success\": [], \"failed\": []}"
				: "{\"code\": \"" + errorCode + "\"}";
		this.server.stubFor(authorized(post(urlEqualTo("/api/conversation/process")))
			.withRequestBody(
					matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(text)))
			.willReturn(json("""
					{"response": {"speech": {"plain": {"speech": "%s", "extra_data": null}}, "card": {},
					  "language": "en", "response_type": "%s", "data": %s},
					 "conversation_id": "01JD5Z0ASSISTCONVERSATION1", "continue_conversation": %s}
					""".formatted(speech, responseType, data, continueConversation))));
	}

	/** A service call answers with this status and Home Assistant's error body. */
	void serviceFails(String domain, String service, int status, String message) {
		this.server.stubFor(authorized(post(urlEqualTo("/api/services/" + domain + "/" + service))).atPriority(1)
			.willReturn(aResponse().withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\": \"" + message + "\"}")));
	}

	private static MappingBuilder authorized(MappingBuilder mapping) {
		return mapping.withHeader("Authorization", equalTo("Bearer " + HomeTestData.TOKEN)).atPriority(5);
	}

	static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

}

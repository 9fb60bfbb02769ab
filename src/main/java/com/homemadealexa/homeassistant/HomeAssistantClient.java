package com.homemadealexa.homeassistant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.homemadealexa.homeassistant.HomeAssistantException.Failure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Home Assistant's REST API: {@code GET /api/states}, {@code POST /api/services/…},
 * {@code POST /api/conversation/process} and {@code POST /api/template}, with the
 * long-lived token as a bearer token.
 *
 * <p>
 * Every call is bounded: it gives up after {@code [home_assistant] timeout_seconds}
 * whatever the server does, and an answer larger than its limit is refused rather than
 * held in memory. A refused token is logged once (naming the key, never the token) until
 * a call succeeds again. Thread-safe.
 */
public class HomeAssistantClient {

	private static final Logger log = LoggerFactory.getLogger(HomeAssistantClient.class);

	/** {@code /api/states} of a large home (a few thousand entities) is a few MB. */
	private static final int STATES_LIMIT = 32 * 1024 * 1024;

	private static final int ANSWER_LIMIT = 1024 * 1024;

	/**
	 * Entity id and area name, one pair a line: {@code /api/states} does not carry areas.
	 */
	static final String AREAS_TEMPLATE = "{% for area in areas() %}{% for entity in area_entities(area) %}"
			+ "{{ entity }}\t{{ area_name(area) }}\n{% endfor %}{% endfor %}";

	private final HomeAssistantSettings settings;

	private final JsonMapper json;

	private final HttpClient http;

	private final AtomicBoolean tokenRefused = new AtomicBoolean();

	HomeAssistantClient(HomeAssistantSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		// HTTP/1.1: Home Assistant speaks nothing else, and the JDK's h2c upgrade attempt
		// only costs time.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.build();
	}

	/**
	 * For health checks: {@code GET /api/} answers within the timeout with 200.
	 * @return whether Home Assistant is up and accepts the token; never throws
	 */
	public boolean reachable() {
		try {
			send(request("/api/").GET().build(), ANSWER_LIMIT, "GET /api/");
			return true;
		}
		catch (HomeAssistantException ex) {
			return false;
		}
	}

	/**
	 * @return the entities of the supported domains, without areas
	 * @throws HomeAssistantException when the call fails
	 */
	List<HomeEntity> states() {
		JsonNode root = readJson(send(request("/api/states").GET().build(), STATES_LIMIT, "GET /api/states"),
				"GET /api/states");
		if (!root.isArray()) {
			throw new HomeAssistantException(Failure.MALFORMED, "GET /api/states did not answer a JSON array");
		}
		List<HomeEntity> entities = new ArrayList<>();
		for (JsonNode state : root) {
			String entityId = state.path("entity_id").asString("");
			int dot = entityId.indexOf('.');
			if (dot <= 0 || !HomeAssistantSettings.SUPPORTED_DOMAINS.contains(entityId.substring(0, dot))) {
				continue;
			}
			JsonNode attributes = state.path("attributes");
			String friendly = attributes.path("friendly_name").asString("");
			String name = friendly.isBlank() ? entityId.substring(dot + 1).replace('_', ' ') : friendly.strip();
			List<String> aliases = new ArrayList<>();
			JsonNode aliasNode = attributes.path("aliases");
			if (aliasNode.isArray()) {
				for (JsonNode alias : aliasNode) {
					if (alias.isString() && !alias.asString().isBlank()) {
						aliases.add(alias.asString().strip());
					}
				}
			}
			entities.add(new HomeEntity(entityId, name, aliases, "", state.path("state").asString("")));
		}
		return entities;
	}

	/**
	 * Renders {@link #AREAS_TEMPLATE} with {@code POST /api/template}.
	 * @return entity id to area name
	 * @throws HomeAssistantException when the call fails
	 */
	Map<String, String> areas() {
		String body = this.json.writeValueAsString(Map.of("template", AREAS_TEMPLATE));
		byte[] answer = send(post("/api/template", body), STATES_LIMIT, "POST /api/template");
		Map<String, String> areas = new LinkedHashMap<>();
		for (String line : new String(answer, StandardCharsets.UTF_8).lines().toList()) {
			int tab = line.indexOf('\t');
			if (tab > 0 && tab < line.length() - 1) {
				areas.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
			}
		}
		return areas;
	}

	/**
	 * Calls {@code POST /api/services/<domain>/<service>} with the data as its JSON body.
	 * @throws HomeAssistantException when the call fails or Home Assistant refuses it
	 */
	void callService(String domain, String service, Map<String, Object> data) {
		String path = "/api/services/" + domain + "/" + service;
		send(post(path, this.json.writeValueAsString(data)), ANSWER_LIMIT, "POST " + path);
	}

	/**
	 * Asks Assist with {@code POST /api/conversation/process}.
	 * @param conversationId Home Assistant's id of the conversation to continue, or null
	 * for a new one
	 * @throws HomeAssistantException when the call fails
	 */
	AssistAnswer converse(String text, String language, @Nullable String conversationId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		body.put("language", language);
		if (conversationId != null) {
			body.put("conversation_id", conversationId);
		}
		String what = "POST /api/conversation/process";
		JsonNode root = readJson(
				send(post("/api/conversation/process", this.json.writeValueAsString(body)), ANSWER_LIMIT, what), what);
		JsonNode response = root.path("response");
		if (!response.isObject()) {
			throw new HomeAssistantException(Failure.MALFORMED, what + " answered without a response object");
		}
		String id = root.path("conversation_id").asString("");
		return new AssistAnswer(response.path("response_type").asString(""),
				response.path("speech").path("plain").path("speech").asString("").strip(),
				response.path("data").path("code").asString(""), id.isBlank() ? null : id,
				root.path("continue_conversation").asBoolean(false));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.settings.baseUrl() + path))
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + this.settings.token())
			.header("Accept", "application/json");
	}

	private HttpRequest post(String path, String jsonBody) {
		return request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
			.build();
	}

	private byte[] send(HttpRequest request, int limit, String what) {
		CompletableFuture<HttpResponse<byte[]>> call = this.http.sendAsync(request, (info) -> new LimitedBody(limit));
		HttpResponse<byte[]> response;
		try {
			response = call.get(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			throw new HomeAssistantException(Failure.TIMEOUT,
					what + " got no answer within " + this.settings.timeoutSeconds() + " s");
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new HomeAssistantException(Failure.TIMEOUT, what + " was interrupted");
		}
		catch (ExecutionException ex) {
			throw failed(what, ex.getCause());
		}
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			if (this.tokenRefused.compareAndSet(false, true)) {
				log.warn("Home Assistant at {} refused the token (HTTP {}): set a valid long-lived access token in "
						+ "[home_assistant] token (HOME_ASSISTANT_TOKEN)", this.settings.url(), status);
			}
			throw new HomeAssistantException(Failure.UNAUTHORIZED, what + " was refused with HTTP " + status
					+ ": check [home_assistant] token (HOME_ASSISTANT_TOKEN)");
		}
		if (status < 200 || status >= 300) {
			throw new HomeAssistantException(Failure.REJECTED,
					what + " failed with HTTP " + status + errorMessage(response.body()));
		}
		if (this.tokenRefused.compareAndSet(true, false)) {
			log.info("Home Assistant at {} accepts the token again", this.settings.url());
		}
		return response.body();
	}

	private HomeAssistantException failed(String what, @Nullable Throwable cause) {
		if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
			return new HomeAssistantException(Failure.TIMEOUT,
					what + " got no answer within " + this.settings.timeoutSeconds() + " s");
		}
		if (cause instanceof TooLargeException) {
			return new HomeAssistantException(Failure.MALFORMED, what + " answered more than " + cause.getMessage());
		}
		if (cause instanceof ConnectException) {
			return new HomeAssistantException(Failure.UNREACHABLE,
					what + " could not connect to " + this.settings.url());
		}
		String reason = (cause != null) ? cause.getClass().getSimpleName() + " " + cause.getMessage() : "unknown";
		return new HomeAssistantException(Failure.UNREACHABLE, what + " failed: " + reason);
	}

	/**
	 * Home Assistant explains an error in {@code {"message": "..."}}; at most 200
	 * characters of it go into the exception.
	 */
	private String errorMessage(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		try {
			JsonNode root = this.json.readTree(text);
			if (root.path("message").isString()) {
				text = root.path("message").asString();
			}
		}
		catch (JacksonException ex) {
			// Not JSON: the text itself is the explanation.
		}
		text = text.replaceAll("\\s+", " ");
		if (text.isEmpty()) {
			return "";
		}
		return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
	}

	private JsonNode readJson(byte[] body, String what) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new HomeAssistantException(Failure.MALFORMED, what + " did not answer JSON");
		}
	}

	/**
	 * Assist's answer.
	 *
	 * @param responseType {@code action_done}, {@code query_answer} or {@code error}
	 * @param speech {@code response.speech.plain.speech}; empty when there is none
	 * @param errorCode {@code response.data.code} of an error, e.g.
	 * {@code no_intent_match}; empty otherwise
	 * @param conversationId the id to continue the conversation with
	 * @param continueConversation Assist expects an answer from the user
	 */
	record AssistAnswer(String responseType, String speech, String errorCode, @Nullable String conversationId,
			boolean continueConversation) {
	}

	private static final class TooLargeException extends IOException {

		TooLargeException(int limit) {
			super(limit + " bytes");
		}

	}

	/**
	 * Collects a body up to a limit, and cancels the exchange beyond it.
	 */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final int limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> body = new CompletableFuture<>();

		private Flow.@Nullable Subscription subscription;

		LimitedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.body.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + buffer.remaining() > this.limit) {
					if (this.subscription != null) {
						this.subscription.cancel();
					}
					this.body.completeExceptionally(new TooLargeException(this.limit));
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.writeBytes(chunk);
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.body.completeExceptionally(failure);
		}

		@Override
		public void onComplete() {
			this.body.complete(this.bytes.toByteArray());
		}

		@Override
		public CompletableFuture<byte[]> getBody() {
			return this.body;
		}

	}

}

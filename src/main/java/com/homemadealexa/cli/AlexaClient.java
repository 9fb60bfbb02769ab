package com.homemadealexa.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.homemadealexa.audio.PcmFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Speaks to the server like the webapp: logs in through {@code /api/public/auth/login},
 * keeps the token in a {@link TokenCache}, and sends utterances to
 * {@code /api/public/stt}. A token is replaced when it has expired (read from its
 * {@code exp}, not verified) or the server refuses it with 401. Thread-safe: concurrent
 * requests share one token, and a refused token is replaced by one login however many
 * requests saw it refused.
 */
public final class AlexaClient {

	/** A token this close to its expiry is replaced before use. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

	private final HttpClient http;

	private final URI server;

	private final String username;

	private final Supplier<char[]> password;

	private final TokenCache cache;

	private final Duration timeout;

	private final Clock clock;

	private final AtomicInteger logins = new AtomicInteger();

	private @Nullable String token;

	private char @Nullable [] knownPassword;

	/**
	 * @param password asked for only when a login is needed, and at most once
	 */
	AlexaClient(HttpClient http, URI server, String username, Supplier<char[]> password, TokenCache cache,
			Duration timeout, Clock clock) {
		this.http = http;
		this.server = server;
		this.username = username;
		this.password = password;
		this.cache = cache;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * A client with its token cached in a file.
	 * @param server the server's base URL, e.g. {@code http://localhost:8080}
	 * @param username the webapp user
	 * @param password the user's password
	 * @param tokenCache the token file
	 * @param timeout the longest wait for one answer
	 * @return a client that logs in when first needed
	 */
	public static AlexaClient create(URI server, String username, char[] password, Path tokenCache, Duration timeout) {
		char[] copy = Arrays.copyOf(password, password.length);
		return new AlexaClient(httpClient(Duration.ofSeconds(10)), server, username, () -> copy,
				new TokenCache(tokenCache), timeout, Clock.systemUTC());
	}

	/** An HTTP/1.1 client: devices and the webapp speak HTTP/1.1 to this server. */
	static HttpClient httpClient(Duration connectTimeout) {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

	/** How many times this client logged in. */
	public int logins() {
		return this.logins.get();
	}

	/**
	 * Makes sure a usable token is at hand, logging in if needed; {@code ask-multiple}
	 * calls it first so that its requests do not all wait on one login.
	 * @return a token that has not expired
	 * @throws RuntimeException when the login fails (the message says why)
	 */
	public synchronized String token() {
		if (this.token == null) {
			this.token = this.cache.load(this.server, this.username).orElse(null);
		}
		if (this.token == null || JwtExpiry.isExpired(this.token, this.clock.instant(), EXPIRY_MARGIN)) {
			this.token = login();
		}
		return this.token;
	}

	/**
	 * Sends one utterance and waits for the spoken answer.
	 * @param pcm 16 kHz, 16-bit, mono PCM
	 * @return the transcript, what the device does next, and the spoken answer
	 * @throws RuntimeException when the server cannot be reached or refuses the request
	 * (the message says why)
	 */
	public Answer ask(byte[] pcm) {
		long started = System.nanoTime();
		String used = token();
		HttpResponse<String> response = sendUtterance(pcm, used);
		if (response.statusCode() == 401) {
			response = sendUtterance(pcm, replace(used));
		}
		if (response.statusCode() == 401) {
			throw new CliException("The server refused a fresh token: " + ServerResponses.problem(response));
		}
		if (response.statusCode() != 200) {
			throw new CliException("The server could not answer: " + ServerResponses.problem(response));
		}
		JsonNode body = ServerResponses.jsonBody(response);
		String transcript = text(body, "command");
		String next = text(body, "next");
		JsonNode audio = body.get("audio_b64");
		byte[] wav;
		try {
			wav = (audio != null && audio.isString()) ? Base64.getDecoder().decode(audio.asString()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new CliException("The server's audio_b64 is not base64", ex);
		}
		return new Answer(transcript, next, wav, Duration.ofNanos(System.nanoTime() - started));
	}

	/** Logs in again unless another request already replaced the refused token. */
	private synchronized String replace(String refused) {
		if (refused.equals(this.token)) {
			this.token = login();
		}
		return token();
	}

	private String login() {
		char[] secret = password();
		String body = ServerResponses.json.writeValueAsString(new LoginRequest(this.username, new String(secret)));
		HttpRequest request = HttpRequest.newBuilder(this.server.resolve("/api/public/auth/login"))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = send(request);
		switch (response.statusCode()) {
			case 200 -> {
			}
			case 401 ->
				throw new CliException("Login refused: wrong username or password for user '" + this.username + "'");
			case 429 -> throw new CliException(
					"Login refused for now, too many failed attempts: " + ServerResponses.problem(response));
			default -> throw new CliException("Login failed: " + ServerResponses.problem(response));
		}
		JsonNode token = ServerResponses.jsonBody(response).get("token");
		if (token == null || !token.isString() || token.asString().isBlank()) {
			throw new CliException("The login answer carries no token");
		}
		this.logins.incrementAndGet();
		this.cache.save(this.server, this.username, token.asString());
		return token.asString();
	}

	private synchronized char[] password() {
		if (this.knownPassword == null) {
			char[] secret = this.password.get();
			if (secret == null || secret.length == 0) {
				throw new CliException("No password: pass --password, set ALEXA_PASSWORD, or run in a terminal");
			}
			this.knownPassword = Arrays.copyOf(secret, secret.length);
		}
		return this.knownPassword;
	}

	private HttpResponse<String> sendUtterance(byte[] pcm, String bearer) {
		PcmFormat format = PcmFormat.SPEECH;
		HttpRequest request = HttpRequest.newBuilder(this.server.resolve("/api/public/stt"))
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/octet-stream")
			.header("x-audio-codec", "pcm")
			.header("x-audio-sample-rate", Integer.toString(format.sampleRate()))
			.header("x-audio-bits", Integer.toString(format.bits()))
			.header("x-audio-channel", Integer.toString(format.channels()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(pcm))
			.build();
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw ServerResponses.unreachable(this.server, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted", ex);
		}
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return (value != null && value.isString()) ? value.asString() : "";
	}

	/**
	 * The server's answer to one utterance.
	 *
	 * @param transcript what the server heard
	 * @param next {@code listen} (the conversation goes on) or {@code idle}
	 * @param wav the spoken answer, or null when nothing is said
	 * @param elapsed from sending to the whole answer
	 */
	public record Answer(String transcript, String next, byte @Nullable [] wav, Duration elapsed) {
	}

	private record LoginRequest(String username, String password) {
	}

}

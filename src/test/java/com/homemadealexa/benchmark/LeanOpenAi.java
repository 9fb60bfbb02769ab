package com.homemadealexa.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's three routes on the JDK's HTTP server, each answering one canned answer in the
 * real wire format after a fixed latency: {@code {"text": ...}} for a multipart
 * transcription, the same SSE chunks as {@link OpenAiChatStubs} (or the whole JSON answer
 * when the request does not ask to stream), a WAV for speech.
 *
 * <p>
 * Why not WireMock, as everywhere else: the benchmarks measure the server's time beyond
 * the fakes' latency, and WireMock's own request matching (multipart and JSON-path
 * matchers, in Jetty) took 13–28 ms per utterance beyond its 900 ms and its CPU shares
 * the machine's two cores with the server during bursts. This fake does no matching
 * beyond the route, the content type and the one word it needs ({@code "stream":true}),
 * so what it adds is what the loopback wire costs. The user's text is checked too, so a
 * request the benchmark did not expect is answered with 404, like an unmatched stub.
 */
final class LeanOpenAi implements OpenAiFake {

	/** Requests bigger than this are answered with 413: the server never sends one. */
	private static final int MAX_REQUEST = 4 * 1024 * 1024;

	private static final JsonMapper json = JsonMapper.builder().build();

	static {
		// Answers go out at once, not after the client's delayed acknowledgement of
		// their headers (like TimedSpeaker and the real audio server).
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	/**
	 * A thread per request in flight, each sleeping out its latency. Platform threads:
	 * waking a virtual thread after its sleep adds a second hand-over (to a carrier
	 * thread), 0.4 ms per call here.
	 */
	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Duration latency;

	private volatile byte[] transcription = answerJson(Map.of("text", ""));

	private volatile String expectedUserText = "";

	private volatile byte[] streamedReply = new byte[0];

	private volatile byte[] wholeReply = new byte[0];

	private volatile byte[] speech = new byte[0];

	LeanOpenAi(Duration latency) {
		this.latency = latency;
		try {
			// A backlog for bursts: fifty utterances open their connections at once.
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH, this::transcribe);
		this.server.createContext(OpenAiChatStubs.PATH, this::chat);
		this.server.createContext(OpenAiSpeechStubs.SPEECH_PATH, this::speak);
		this.server.start();
	}

	@Override
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	@Override
	public void hears(String transcript) {
		this.transcription = answerJson(Map.of("text", transcript));
	}

	@Override
	public void replies(String userText, List<String> pieces) {
		this.expectedUserText = userText.toLowerCase(Locale.ROOT);
		this.streamedReply = String.join("", OpenAiChatStubs.sseEvents(pieces)).getBytes(StandardCharsets.UTF_8);
		this.wholeReply = OpenAiChatStubs.textMessage(String.join("", pieces)).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void speaks(byte[] wav) {
		this.speech = wav.clone();
	}

	private void transcribe(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (read(exchange, "multipart/form-data") != null) {
				answer(exchange, "application/json", this.transcription);
			}
		}
	}

	private void chat(HttpExchange exchange) throws IOException {
		try (exchange) {
			String request = read(exchange, "application/json");
			if (request == null) {
				return;
			}
			if (!request.toLowerCase(Locale.ROOT).contains(this.expectedUserText)) {
				refuse(exchange, 404);
				return;
			}
			if (request.contains("\"stream\":true")) {
				answer(exchange, "text/event-stream", this.streamedReply);
			}
			else {
				answer(exchange, "application/json", this.wholeReply);
			}
		}
	}

	private void speak(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (read(exchange, "application/json") != null) {
				answer(exchange, "audio/wav", this.speech);
			}
		}
	}

	/**
	 * The request's body as text, or null after refusing it (not a POST, another content
	 * type, too big).
	 */
	private static String read(HttpExchange exchange, String contentType) throws IOException {
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith(contentType)) {
			refuse(exchange, 415);
			return null;
		}
		try (InputStream body = exchange.getRequestBody()) {
			byte[] bytes = body.readNBytes(MAX_REQUEST + 1);
			if (bytes.length > MAX_REQUEST) {
				refuse(exchange, 413);
				return null;
			}
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	private void answer(HttpExchange exchange, String contentType, byte[] body) throws IOException {
		try {
			// The provider's latency, to its first byte: pacing, not synchronisation.
			Thread.sleep(this.latency);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	private static void refuse(HttpExchange exchange, int status) throws IOException {
		byte[] body = "{\"error\":{\"message\":\"not what the benchmark expects\",\"type\":\"invalid_request_error\"}}"
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	private static byte[] answerJson(Map<String, String> answer) {
		return json.writeValueAsBytes(answer);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}

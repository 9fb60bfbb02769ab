package com.homemadealexa.audioserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio server's HTTP side, on the JDK's built-in server (no Spring):
 * <ul>
 * <li>{@code POST /api/play} with a WAV body: stops what is playing, starts this one, and
 * answers {@code 200 {"status": "ok"}} once the sound card plays it;</li>
 * <li>{@code POST /api/abort}: stops playback at once, {@code 200 {"status": "ok"}}.</li>
 * </ul>
 * A body that is not a playable WAV is a {@code 400}, one over {@link #MAX_WAV_BYTES} a
 * {@code 413}; a missing or busy sound card, or aplay failing, is a {@code 503}. Every
 * error is an RFC 9457 {@code application/problem+json} body, and is logged in one line.
 */
public final class AudioServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AudioServer.class);

	/**
	 * Largest WAV accepted: about 3 minutes of 48 kHz 16-bit stereo, 6 of 24 kHz mono.
	 */
	public static final int MAX_WAV_BYTES = 32 * 1024 * 1024;

	private static final String OK = "{\"status\": \"ok\"}";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final AplaySpeaker speaker;

	private AudioServer(HttpServer server, AplaySpeaker speaker) {
		this.server = server;
		this.speaker = speaker;
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts the server on the machine's sound card.
	 * @param address where to listen (port 0: any free one)
	 * @param device ALSA device ({@code aplay -D}), or null for ALSA's default
	 * @return the running server
	 * @throws IOException when the port cannot be bound
	 * @throws IllegalStateException when aplay is not installed
	 */
	public static AudioServer start(InetSocketAddress address, @Nullable String device) throws IOException {
		return start(address, "aplay", device, Map.of());
	}

	static AudioServer start(InetSocketAddress address, String aplay, @Nullable String device,
			Map<String, String> aplayEnvironment) throws IOException {
		AplaySpeaker speaker = new AplaySpeaker(aplay, device, aplayEnvironment, Duration.ofSeconds(5));
		try {
			speaker.requireAplay();
		}
		catch (SoundCardException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		// The JDK server's limits are system properties read once: a client that sends
		// its
		// request too slowly is dropped after 30 s, one that reads the answer too slowly
		// too.
		System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
		System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "30"));
		// Answers go out at once. With Nagle's algorithm on (the JDK's default) the
		// body of an answer waits for the client to acknowledge its headers, which a
		// client on a kept-alive connection delays (up to 40 ms on Linux).
		System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
		AudioServer audioServer = new AudioServer(HttpServer.create(address, 16), speaker);
		audioServer.server.start();
		log.info("Audio server listening on port {}, playing on ALSA device {}", audioServer.port(),
				speaker.deviceName());
		return audioServer;
	}

	/** The port it listens on. */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Stops playback and the server. */
	@Override
	public void close() {
		this.speaker.stop();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			boolean play = "/api/play".equals(path);
			if (!play && !"/api/abort".equals(path)) {
				problem(exchange, 404, "Not Found", "Only POST /api/play and POST /api/abort exist.");
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				problem(exchange, 405, "Method Not Allowed", path + " takes POST.");
				return;
			}
			if (play) {
				play(exchange);
			}
			else {
				exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
				boolean wasPlaying = this.speaker.stop();
				log.info("Abort: {}", wasPlaying ? "playback stopped" : "nothing was playing");
				answer(exchange, 200, "application/json", OK);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audio server request failed: {}", ex.toString());
		}
	}

	private void play(HttpExchange exchange) throws IOException {
		String declared = exchange.getRequestHeaders().getFirst("Content-Length");
		if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_WAV_BYTES) {
			tooLarge(exchange);
			return;
		}
		byte[] wav = readAtMost(exchange.getRequestBody(), MAX_WAV_BYTES);
		if (wav == null) {
			tooLarge(exchange);
			return;
		}
		WavHeader header;
		try {
			header = WavHeader.read(wav);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Refused a play from {}: {}", exchange.getRemoteAddress(), ex.getMessage());
			problem(exchange, 400, "Bad Request", ex.getMessage());
			return;
		}
		try {
			this.speaker.play(wav);
		}
		catch (SoundCardException ex) {
			log.error("Cannot play on ALSA device {}: {}", this.speaker.deviceName(), ex.getMessage());
			problem(exchange, 503, "Service Unavailable", ex.getMessage());
			return;
		}
		log.info("Playing {} s ({} Hz, {}-bit, {} channel(s)) from {}", String.format("%.1f", header.seconds()),
				header.sampleRate(), header.bits(), header.channels(), exchange.getRemoteAddress().getAddress());
		answer(exchange, 200, "application/json", OK);
	}

	private void tooLarge(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Connection", "close");
		log.warn("Refused a play from {}: larger than {} bytes", exchange.getRemoteAddress(), MAX_WAV_BYTES);
		problem(exchange, 413, "Content Too Large", "The WAV is larger than " + MAX_WAV_BYTES + " bytes.");
	}

	private static byte @Nullable [] readAtMost(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return (bytes.length > limit) ? null : bytes;
	}

	private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
		String body = "{\"type\": \"about:blank\", \"title\": \"" + json(title) + "\", \"status\": " + status
				+ ", \"detail\": \"" + json(detail) + "\", \"instance\": \"" + json(exchange.getRequestURI().getPath())
				+ "\"}";
		answer(exchange, status, "application/problem+json", body);
	}

	private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		// Sent now: closing the exchange first drains what is left of the request body,
		// which a client that waits for the answer to an oversized upload never sends.
		exchange.getResponseBody().flush();
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}

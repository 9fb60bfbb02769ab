package com.homemadealexa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for the audio server (the speaker): accepts {@code POST /api/play}
 * (a WAV body) and {@code POST /api/abort}, and records every request in arrival order,
 * before any configured delay or failure. Thread-safe.
 *
 * <pre>
 * try (FakeAudioServer speaker = FakeAudioServer.start()) {
 *     registry.add("audio-server.url", speaker::url);
 *     ...
 *     await().until(() -&gt; speaker.plays().size() == 1);
 * }
 * </pre>
 */
public final class FakeAudioServer implements AutoCloseable {

	/** What a request asked for. */
	public enum Kind {

		PLAY, ABORT

	}

	/**
	 * One received request.
	 *
	 * @param kind play or abort
	 * @param body the body (the WAV for a play; usually empty for an abort)
	 * @param contentType the Content-Type header, or empty
	 * @param receivedAt when its body had arrived (system clock)
	 */
	public record Request(Kind kind, byte[] body, String contentType, Instant receivedAt) {

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Request> requests = new ArrayList<>();

	private int failureStatus;

	private Duration delay = Duration.ZERO;

	private CountDownLatch release = new CountDownLatch(1);

	static {
		// Like the real audio server (audioserver.AudioServer): answers go out at once,
		// not after the client's delayed acknowledgement of their headers.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private FakeAudioServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/api/play", (exchange) -> handle(exchange, Kind.PLAY));
		this.server.createContext("/api/abort", (exchange) -> handle(exchange, Kind.ABORT));
	}

	/** Starts a server on 127.0.0.1 and a free port. */
	public static FakeAudioServer start() {
		try {
			FakeAudioServer fake = new FakeAudioServer();
			fake.server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Base URL, e.g. {@code http://127.0.0.1:40123}, for {@code audio-server.url}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The WAVs received by {@code /api/play}, in order. */
	public synchronized List<byte[]> plays() {
		return this.requests.stream().filter((r) -> r.kind() == Kind.PLAY).map(Request::body).toList();
	}

	/** How many {@code /api/abort} requests arrived. */
	public synchronized int aborts() {
		return (int) this.requests.stream().filter((r) -> r.kind() == Kind.ABORT).count();
	}

	/** Every request, plays and aborts interleaved as they arrived. */
	public synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The kinds of every request in arrival order, e.g. {@code [ABORT, PLAY, PLAY]}. */
	public synchronized List<Kind> kinds() {
		return this.requests.stream().map(Request::kind).toList();
	}

	/**
	 * Answers every following request with this status (e.g. 500) until {@link #reset}.
	 */
	public synchronized void failWith(int status) {
		this.failureStatus = status;
	}

	/**
	 * Waits this long before answering each following request (until {@link #reset} or
	 * {@link #close}, which release waiting requests at once).
	 */
	public synchronized void delayBy(Duration delay) {
		this.delay = delay;
	}

	/** Forgets the recorded requests and answers normally again. */
	public synchronized void reset() {
		this.requests.clear();
		this.failureStatus = 0;
		this.delay = Duration.ZERO;
		this.release.countDown();
		this.release = new CountDownLatch(1);
	}

	@Override
	public void close() {
		synchronized (this) {
			this.release.countDown();
		}
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange, Kind kind) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body = exchange.getRequestBody().readAllBytes();
			String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
			int status;
			Duration delay;
			CountDownLatch release;
			synchronized (this) {
				this.requests
					.add(new Request(kind, body, "null".equals(contentType) ? "" : contentType, Instant.now()));
				status = (this.failureStatus != 0) ? this.failureStatus : 200;
				delay = this.delay;
				release = this.release;
			}
			if (!delay.isZero()) {
				release.await(delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			byte[] answer = ((status == 200) ? "{\"status\": \"ok\"}" : "{\"error\": \"failing on purpose\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

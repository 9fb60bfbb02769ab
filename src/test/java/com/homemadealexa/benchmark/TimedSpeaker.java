package com.homemadealexa.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback audio server that notes when each {@code POST /api/play} arrives
 * ({@link System#nanoTime()}, as soon as its headers are in), for latency measurements.
 * Answers at once; {@code /api/abort} is accepted and ignored.
 */
final class TimedSpeaker implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final BlockingQueue<Long> plays = new LinkedBlockingQueue<>();

	static {
		// Like the real audio server (audioserver.AudioServer): answers go out at once,
		// not after the client's delayed acknowledgement of their headers.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	TimedSpeaker() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/api/play", (exchange) -> answer(exchange, true));
		this.server.createContext("/api/abort", (exchange) -> answer(exchange, false));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * @return when the next play request arrived, waiting up to {@code timeout}
	 * @throws IllegalStateException when none arrives
	 */
	long nextPlay(Duration timeout) throws InterruptedException {
		Long arrived = this.plays.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (arrived == null) {
			throw new IllegalStateException("No audio reached the speaker within " + timeout);
		}
		return arrived;
	}

	void clear() {
		this.plays.clear();
	}

	private void answer(HttpExchange exchange, boolean play) throws IOException {
		long arrived = System.nanoTime();
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.transferTo(java.io.OutputStream.nullOutputStream());
			if (play) {
				this.plays.add(arrived);
			}
			byte[] answer = "{\"status\": \"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}

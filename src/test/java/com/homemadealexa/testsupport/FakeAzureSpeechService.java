package com.homemadealexa.testsupport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback Azure Speech service (as a Speech container serves it): a WebSocket server
 * speaking the Speech SDK's protocol. It takes the text messages {@code speech.config}
 * and {@code speech.context} and the binary {@code audio} messages (a 2-byte big-endian
 * header length, header lines, the payload; an empty payload ends the audio), and once
 * the audio has ended answers {@code turn.start}, {@code speech.startDetected},
 * {@code speech.hypothesis}, {@code speech.phrase}, {@code speech.endDetected} and
 * {@code turn.end}, each a text message with the request's {@code X-RequestId}. What the
 * phrase says is set by {@link #answer}. Thread-safe.
 */
public final class FakeAzureSpeechService implements AutoCloseable {

	/** How the service answers the end of the audio. */
	public sealed interface Answer {

		/** Recognised speech with this text. */
		record Recognised(String text) implements Answer {
		}

		/** No speech recognised (RecognitionStatus NoMatch). */
		record NoMatch() implements Answer {
		}

		/** The service closes the WebSocket with this code and reason. */
		record Close(int code, String reason) implements Answer {
		}

	}

	private final Server server;

	private final CountDownLatch started = new CountDownLatch(1);

	private final List<String> paths = new CopyOnWriteArrayList<>();

	private final List<String> resourcePaths = new CopyOnWriteArrayList<>();

	private final AtomicLong audioBytes = new AtomicLong();

	private volatile Answer answer = new Answer.Recognised("");

	private FakeAzureSpeechService() {
		this.server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.server.setReuseAddr(true);
	}

	public static FakeAzureSpeechService start() {
		FakeAzureSpeechService service = new FakeAzureSpeechService();
		service.server.start();
		try {
			if (!service.started.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the fake Azure Speech service did not start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return service;
	}

	/** {@code ws://127.0.0.1:<port>}, the value for {@code azure.host}. */
	public String host() {
		return "ws://127.0.0.1:" + this.server.getPort();
	}

	public void answer(Answer answer) {
		this.answer = answer;
	}

	/** The {@code Path} of every message received, in order. */
	public List<String> paths() {
		return List.copyOf(this.paths);
	}

	/** The resource path and query of every WebSocket opened. */
	public List<String> connections() {
		return List.copyOf(this.resourcePaths);
	}

	/** PCM bytes received in audio messages (the first one's WAV header excluded). */
	public long audioBytes() {
		return this.audioBytes.get();
	}

	public void reset() {
		this.paths.clear();
		this.resourcePaths.clear();
		this.audioBytes.set(0);
	}

	@Override
	public void close() {
		try {
			this.server.stop(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String header(String headers, String name) {
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return "";
	}

	private static void reply(WebSocket socket, String requestId, String path, String json) {
		socket.send("X-RequestId:" + requestId + "\r\nContent-Type:application/json; charset=utf-8\r\nX-Timestamp:"
				+ Instant.now() + "\r\nPath:" + path + "\r\n\r\n" + json);
	}

	private final class Server extends WebSocketServer {

		Server(InetSocketAddress address) {
			super(address);
		}

		@Override
		public void onOpen(WebSocket socket, ClientHandshake handshake) {
			FakeAzureSpeechService.this.resourcePaths.add(handshake.getResourceDescriptor());
		}

		@Override
		public void onMessage(WebSocket socket, String message) {
			int end = message.indexOf("\r\n\r\n");
			FakeAzureSpeechService.this.paths.add(header((end >= 0) ? message.substring(0, end) : message, "Path"));
		}

		@Override
		public void onMessage(WebSocket socket, ByteBuffer message) {
			int headerLength = message.getShort() & 0xFFFF;
			byte[] headerBytes = new byte[headerLength];
			message.get(headerBytes);
			String headers = new String(headerBytes, StandardCharsets.US_ASCII);
			String path = header(headers, "Path");
			FakeAzureSpeechService.this.paths.add(path);
			if (!"audio".equalsIgnoreCase(path)) {
				return;
			}
			int payload = message.remaining();
			if (payload > 0) {
				byte[] bytes = new byte[payload];
				message.get(bytes);
				boolean wavHeader = payload >= 44 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("RIFF");
				FakeAzureSpeechService.this.audioBytes.addAndGet(wavHeader ? payload - 44 : payload);
				return;
			}
			String requestId = header(headers, "X-RequestId");
			switch (FakeAzureSpeechService.this.answer) {
				case Answer.Recognised recognised -> {
					reply(socket, requestId, "turn.start", "{\"context\":{\"serviceTag\":\"fake\"}}");
					reply(socket, requestId, "speech.startDetected", "{\"Offset\":1000000}");
					reply(socket, requestId, "speech.hypothesis", "{\"Text\":\"" + firstWord(recognised.text())
							+ "\",\"Offset\":1000000,\"Duration\":5000000}");
					reply(socket, requestId, "speech.phrase", "{\"RecognitionStatus\":\"Success\",\"DisplayText\":\""
							+ recognised.text() + "\",\"Offset\":1000000,\"Duration\":12000000}");
					reply(socket, requestId, "speech.endDetected", "{\"Offset\":13000000}");
					reply(socket, requestId, "turn.end", "{}");
				}
				case Answer.NoMatch noMatch -> {
					reply(socket, requestId, "turn.start", "{\"context\":{\"serviceTag\":\"fake\"}}");
					reply(socket, requestId, "speech.startDetected", "{\"Offset\":0}");
					reply(socket, requestId, "speech.phrase",
							"{\"RecognitionStatus\":\"NoMatch\",\"Offset\":0,\"Duration\":12000000}");
					reply(socket, requestId, "speech.endDetected", "{\"Offset\":12000000}");
					reply(socket, requestId, "turn.end", "{}");
				}
				case Answer.Close close -> socket.close(close.code(), close.reason());
			}
		}

		private static String firstWord(String text) {
			int space = text.indexOf(' ');
			return (space > 0) ? text.substring(0, space) : text;
		}

		@Override
		public void onClose(WebSocket socket, int code, String reason, boolean remote) {
		}

		@Override
		public void onError(WebSocket socket, Exception ex) {
		}

		@Override
		public void onStart() {
			FakeAzureSpeechService.this.started.countDown();
		}

	}

}

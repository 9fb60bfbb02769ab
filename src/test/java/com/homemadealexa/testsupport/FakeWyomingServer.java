package com.homemadealexa.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback Wyoming service: a TCP server on 127.0.0.1 that reads and writes the real
 * framing, byte by byte (a JSON header line with {@code type}, {@code data},
 * {@code data_length}, {@code payload_length}; the data segment; the payload), written
 * here independently of the production client. Each connection runs the current
 * {@link Script} on its own virtual thread; {@link #transcriber} and {@link #piper} act
 * like wyoming-faster-whisper and wyoming-piper, including the {@code describe}/
 * {@code info} handshake. Records every event received, in order. Thread-safe.
 */
public final class FakeWyomingServer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * One received event.
	 *
	 * @param type its type
	 * @param data its data, inline and separate segment merged
	 * @param payload its payload, empty when none
	 * @param dataInline whether the data came inside the header line
	 */
	public record Event(String type, ObjectNode data, byte[] payload, boolean dataInline) {

	}

	/** What the service does on one connection. */
	@FunctionalInterface
	public interface Script {

		void run(Peer peer) throws IOException;

	}

	private final ServerSocket server;

	private final List<Event> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private volatile Script script;

	private FakeWyomingServer(Script script) throws IOException {
		this.script = script;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread.ofVirtual().name("fake-wyoming-accept").start(this::accept);
	}

	public static FakeWyomingServer start(Script script) {
		try {
			return new FakeWyomingServer(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code tcp://127.0.0.1:<port>}, for {@code wyoming.stt_url} or {@code tts_url}. */
	public String url() {
		return "tcp://127.0.0.1:" + this.server.getLocalPort();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Runs this script on the following connections. */
	public void script(Script script) {
		this.script = script;
	}

	/** Connections accepted so far. */
	public int connections() {
		return this.connections.get();
	}

	/** Every event received, all connections, in order of arrival. */
	public List<Event> received() {
		return List.copyOf(this.received);
	}

	public List<String> receivedTypes() {
		return this.received.stream().map(Event::type).toList();
	}

	/** Forgets the received events and the connection count. */
	public void reset() {
		this.received.clear();
		this.connections.set(0);
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing is all that is left to do.
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				Script current = this.script;
				Thread.ofVirtual().name("fake-wyoming-peer").start(() -> serve(socket, current));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, Script current) {
		try (socket) {
			current.run(new Peer(socket));
		}
		catch (IOException ex) {
			// The client went away: that ends this connection's script.
		}
	}

	/**
	 * Like wyoming-faster-whisper: describes itself, transcribes everything to one text.
	 */
	public static Script transcriber(String text) {
		return transcriber(text, Duration.ZERO);
	}

	/**
	 * @param delay how long the "model" works after {@code audio-stop}
	 */
	public static Script transcriber(String text, Duration delay) {
		return (peer) -> {
			Event first = peer.read();
			if (first == null) {
				return;
			}
			if ("describe".equals(first.type())) {
				peer.send("info", asrInfo("faster-whisper", "tiny-int8", List.of("en", "pl")), null);
				return;
			}
			peer.readUntil("audio-stop");
			pause(delay);
			peer.send("transcript", "{\"text\": " + json.writeValueAsString(text) + "}", null);
		};
	}

	/**
	 * Like wyoming-piper: describes itself, answers each {@code synthesize} with a tone
	 * of this length at this rate, in chunks of 1024 samples.
	 */
	public static Script piper(int rate, int millis) {
		return (peer) -> {
			Event first = peer.read();
			if (first == null) {
				return;
			}
			if ("describe".equals(first.type())) {
				peer.send("info", ttsInfo("piper", "en_US-lessac-medium", List.of("en_US")), null);
				return;
			}
			peer.sendTone(rate, millis);
		};
	}

	public static String asrInfo(String program, String model, List<String> languages) throws IOException {
		return "{\"asr\": [{\"name\": \"" + program + "\", \"attribution\": {\"name\": \"test\", \"url\": \"\"},"
				+ " \"installed\": true, \"description\": null, \"version\": \"1.0\", \"models\": [{\"name\": \""
				+ model + "\", \"attribution\": {\"name\": \"test\", \"url\": \"\"}, \"installed\": true,"
				+ " \"description\": null, \"version\": null, \"languages\": " + json.writeValueAsString(languages)
				+ "}]}], \"tts\": [], \"handle\": [], \"intent\": [], \"wake\": [], \"mic\": [], \"snd\": []}";
	}

	public static String ttsInfo(String program, String voice, List<String> languages) throws IOException {
		return "{\"asr\": [], \"tts\": [{\"name\": \"" + program + "\", \"attribution\": {\"name\": \"test\","
				+ " \"url\": \"\"}, \"installed\": true, \"description\": null, \"version\": \"1.0\", \"voices\":"
				+ " [{\"name\": \"" + voice + "\", \"attribution\": {\"name\": \"test\", \"url\": \"\"},"
				+ " \"installed\": true, \"description\": null, \"version\": null, \"languages\": "
				+ json.writeValueAsString(languages) + ", \"speakers\": null}]}], \"handle\": [], \"intent\": [],"
				+ " \"wake\": [], \"mic\": [], \"snd\": []}";
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			// The service's own processing time, not a synchronisation of the test.
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One connection, from the service's side. */
	public final class Peer {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		Peer(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream());
			this.out = socket.getOutputStream();
		}

		/**
		 * The next event, recorded; null when the client closed the connection.
		 */
		public Event read() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int next;
			while ((next = this.in.read()) != '\n') {
				if (next == -1) {
					return null;
				}
				line.write(next);
			}
			JsonNode header = json.readTree(line.toString(StandardCharsets.UTF_8));
			JsonNode inline = header.path("data");
			ObjectNode data = inline.isObject() ? (ObjectNode) inline.deepCopy() : json.createObjectNode();
			int dataLength = header.path("data_length").asInt(0);
			if (dataLength > 0) {
				data.setAll((ObjectNode) json.readTree(new String(exactly(dataLength), StandardCharsets.UTF_8)));
			}
			int payloadLength = header.path("payload_length").asInt(0);
			byte[] payload = (payloadLength > 0) ? exactly(payloadLength) : new byte[0];
			Event event = new Event(header.path("type").asString(), data, payload,
					inline.isObject() && !inline.isEmpty());
			FakeWyomingServer.this.received.add(event);
			return event;
		}

		/** Reads events up to and including the first of this type. */
		public List<Event> readUntil(String type) throws IOException {
			List<Event> events = new ArrayList<>();
			Event event;
			do {
				event = read();
				if (event == null) {
					throw new IOException("the client closed before " + type);
				}
				events.add(event);
			}
			while (!type.equals(event.type()));
			return events;
		}

		/** Writes an event with its data as a separate segment, as current peers do. */
		public void send(String type, String dataJson, byte[] payload) throws IOException {
			byte[] data = (dataJson != null) ? dataJson.getBytes(StandardCharsets.UTF_8) : new byte[0];
			int payloadLength = (payload != null) ? payload.length : 0;
			String header = "{\"type\": \"" + type + "\", \"version\": \"1.5.2\""
					+ ((data.length > 0) ? ", \"data_length\": " + data.length : "")
					+ ((payloadLength > 0) ? ", \"payload_length\": " + payloadLength : "") + "}\n";
			write(header.getBytes(StandardCharsets.UTF_8), data, payload);
		}

		/** Writes an event with its data inside the header line, as older peers do. */
		public void sendInline(String type, String dataJson, byte[] payload) throws IOException {
			int payloadLength = (payload != null) ? payload.length : 0;
			String header = "{\"type\": \"" + type + "\", \"data\": " + dataJson
					+ ((payloadLength > 0) ? ", \"payload_length\": " + payloadLength : "") + "}\n";
			write(header.getBytes(StandardCharsets.UTF_8), new byte[0], payload);
		}

		/** Answers with audio-start, a tone in chunks of 1024 samples, audio-stop. */
		public void sendTone(int rate, int millis) throws IOException {
			String format = "{\"rate\": " + rate + ", \"width\": 2, \"channels\": 1}";
			send("audio-start", format, null);
			byte[] pcm = TestWavs.tonePcm(new com.homemadealexa.audio.PcmFormat(rate, 16, 1), millis, 300);
			for (int at = 0; at < pcm.length; at += 2048) {
				byte[] chunk = java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 2048));
				send("audio-chunk", format, chunk);
			}
			send("audio-stop", null, null);
		}

		/** Sends raw bytes, e.g. a broken frame. */
		public void raw(byte[] bytes) throws IOException {
			this.out.write(bytes);
			this.out.flush();
		}

		/** Resets the connection (TCP RST): the client sees "connection reset". */
		public void resetConnection() throws IOException {
			this.socket.setSoLinger(true, 0);
			this.socket.close();
		}

		/** Closes the connection in an orderly way (FIN). */
		public void closeConnection() throws IOException {
			this.socket.close();
		}

		/** Waits until the client closes the connection, reading what it still sends. */
		public void drain() throws IOException {
			try {
				while (read() != null) {
					// Recorded by read().
				}
			}
			catch (SocketException ex) {
				// The client went away.
			}
		}

		private void write(byte[] header, byte[] data, byte[] payload) throws IOException {
			this.out.write(header);
			this.out.write(data);
			if (payload != null) {
				this.out.write(payload);
			}
			this.out.flush();
		}

		private byte[] exactly(int length) throws IOException {
			byte[] bytes = this.in.readNBytes(length);
			if (bytes.length < length) {
				throw new IOException("the client closed in the middle of an event");
			}
			return bytes;
		}

	}

}

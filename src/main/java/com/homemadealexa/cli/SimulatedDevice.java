package com.homemadealexa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.homemadealexa.audio.PcmFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An ESP32-S3-Box-3 on the real device protocol, for trying the server without hardware,
 * for tests and for benchmarks. It opens {@code /ws/internal}, says hello (hardware type
 * {@code SIMULATOR}), reports every command as a {@link SimulatorEvent}, downloads
 * firmware on {@code ota_start} and reboots (reconnects) after it and on {@code restart}.
 * After a dropped connection it reconnects after a delay (10 s, like the firmware). It
 * sends the wake word and streams utterances to {@code /api/internal/stt} as chunked PCM,
 * paced like speech.
 *
 * <p>
 * Thread-safe. Events are delivered on the WebSocket's thread (or the OTA download's), in
 * order for one connection; a listener must not block. A device is light (one WebSocket,
 * no thread of its own), so one process can run thousands that share an
 * {@link HttpClient}.
 */
public final class SimulatedDevice implements AutoCloseable {

	/**
	 * What the ESP32 firmware says in its hello; the simulator says {@code SIMULATOR}.
	 */
	public static final String HW_TYPE = "SIMULATOR";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** How long the device waits for the answer to an utterance, like the firmware. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration CHUNK = Duration.ofMillis(100);

	private final URI server;

	private final String name;

	private final int[] macAddress;

	private final HttpClient http;

	private final Duration reconnectDelay;

	private final Duration rebootDelay;

	private final Consumer<SimulatorEvent> listener;

	private final boolean keepEvents;

	private final List<SimulatorEvent> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private volatile @Nullable Connection current;

	private volatile boolean closed;

	private SimulatedDevice(Builder builder) {
		this.server = builder.server;
		this.name = builder.name;
		this.macAddress = builder.macAddress;
		this.http = (builder.http != null) ? builder.http : AlexaClient.httpClient(CONNECT_TIMEOUT);
		this.reconnectDelay = builder.reconnectDelay;
		this.rebootDelay = builder.rebootDelay;
		this.listener = builder.listener;
		this.keepEvents = builder.keepEvents;
	}

	/**
	 * @param server the server's base URL, e.g. {@code http://192.168.1.10:8080}
	 * @param name the hostname the device says in its hello
	 * @return a builder; {@link Builder#connect()} starts the device
	 */
	public static Builder builder(URI server, String name) {
		return new Builder(server, name);
	}

	public String name() {
		return this.name;
	}

	/** Whether the device's WebSocket is open now. */
	public boolean isConnected() {
		Connection connection = this.current;
		WebSocket socket = (connection != null) ? connection.socket : null;
		return socket != null && !socket.isInputClosed() && !socket.isOutputClosed();
	}

	/** How many times the device has connected (1 until it first reconnects). */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * @return every event so far, oldest first (empty when the builder turned keeping
	 * them off)
	 */
	public List<SimulatorEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * Sends {@code {"event": "wakeword"}}, as when the device hears its wake word.
	 * @throws IllegalStateException when the device is not connected
	 */
	public void wakeword() {
		Connection connection = this.current;
		WebSocket socket = (connection != null) ? connection.socket : null;
		if (socket == null) {
			throw new IllegalStateException(this.name + " is not connected");
		}
		socket.sendText("{\"event\":\"wakeword\"}", true).orTimeout(5, TimeUnit.SECONDS).join();
	}

	/**
	 * Streams 16 kHz, 16-bit, mono PCM to {@code /api/internal/stt} in real time, as the
	 * device does while the user speaks, and waits for the transcript. What the server
	 * does next (listen or idle) arrives later as an event.
	 */
	public Utterance speak(byte[] pcm) {
		return speak(pcm, PcmFormat.SPEECH, true);
	}

	/**
	 * Streams PCM to {@code /api/internal/stt} in 100 ms chunks
	 * ({@code Transfer-Encoding:
	 * chunked}, {@code x-audio-*} headers for the format) and waits for the answer.
	 * @param pcm little-endian signed PCM
	 * @param format its format
	 * @param realTime pace the chunks like speech; false sends them as fast as possible
	 * @return the server's answer; an error status is returned, not thrown, since the
	 * device shows it
	 * @throws RuntimeException when the server cannot be reached (the message says why)
	 */
	public Utterance speak(byte[] pcm, PcmFormat format, boolean realTime) {
		PacedPcmStream body = new PacedPcmStream(pcm, format.bytesPerSecond(), CHUNK, realTime);
		Duration audio = Duration.ofNanos(pcm.length * 1_000_000_000L / format.bytesPerSecond());
		HttpRequest request = HttpRequest.newBuilder(this.server.resolve("/api/internal/stt"))
			.timeout(audio.plus(ANSWER_TIMEOUT))
			.header("x-audio-codec", "pcm")
			.header("x-audio-sample-rate", Integer.toString(format.sampleRate()))
			.header("x-audio-bits", Integer.toString(format.bits()))
			.header("x-audio-channel", Integer.toString(format.channels()))
			// A stream of unknown length is sent chunked, like the firmware does.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw ServerResponses.unreachable(this.server, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted", ex);
		}
		long answered = System.nanoTime();
		long endOfSpeech = (body.endOfSpeech() > 0) ? body.endOfSpeech() : answered;
		Duration upload = Duration.ofNanos(endOfSpeech - started);
		Duration wait = Duration.ofNanos(answered - endOfSpeech);
		if (response.statusCode() != 200) {
			return new Utterance(response.statusCode(), null, ServerResponses.problem(response), upload, wait,
					endOfSpeech);
		}
		JsonNode command = ServerResponses.jsonBody(response).get("command");
		String transcript = (command != null && command.isString()) ? command.asString() : "";
		return new Utterance(200, transcript, null, upload, wait, endOfSpeech);
	}

	/** Closes the connection for good: no reconnect. */
	@Override
	public void close() {
		this.closed = true;
		Connection connection = this.current;
		if (connection != null) {
			connection.closeGracefully("bye");
		}
	}

	private void connect() {
		String url = this.server.toString().replaceFirst("^http", "ws");
		URI socketUri = URI.create(url.endsWith("/") ? url + "ws/internal" : url + "/ws/internal");
		Connection connection = new Connection();
		WebSocket socket;
		try {
			socket = this.http.newWebSocketBuilder()
				.connectTimeout(CONNECT_TIMEOUT)
				.buildAsync(socketUri, connection)
				.get(CONNECT_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new CliException("Cannot connect to " + socketUri + ": " + describe(cause), cause);
		}
		catch (TimeoutException ex) {
			throw new CliException("Cannot connect to " + socketUri + ": the connection timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted", ex);
		}
		this.current = connection;
		socket.sendText(hello(), true).orTimeout(5, TimeUnit.SECONDS).join();
		emit(new SimulatorEvent.Connected(this.connections.incrementAndGet()));
		if (this.closed) {
			connection.closeGracefully("bye");
		}
	}

	private String hello() {
		StringBuilder mac = new StringBuilder();
		for (int octet : this.macAddress) {
			mac.append((mac.length() == 0) ? "" : ", ").append(octet);
		}
		return "{\"hello\": {\"hostname\": " + ServerResponses.json.writeValueAsString(this.name) + ", \"hw_type\": \""
				+ HW_TYPE + "\", \"mac_addr\": [" + mac + "]}}";
	}

	private void reconnectAfter(Duration delay) {
		if (this.closed) {
			return;
		}
		CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
			if (this.closed) {
				return;
			}
			try {
				connect();
			}
			catch (RuntimeException ex) {
				emit(new SimulatorEvent.ConnectFailed(ex.getMessage()));
				reconnectAfter(this.reconnectDelay);
			}
		});
	}

	private void handle(Connection connection, String frame) {
		JsonNode message;
		try {
			message = ServerResponses.json.readTree(frame);
		}
		catch (JacksonException ex) {
			emit(new SimulatorEvent.Unrecognised(frame));
			return;
		}
		JsonNode data = message.path("data");
		switch (message.path("cmd").asString("")) {
			case "listen" -> emit(new SimulatorEvent.Listen());
			case "idle" -> emit(new SimulatorEvent.Idle());
			case "display" ->
				emit(new SimulatorEvent.Display(data.path("title").asString(""), data.path("text").asString("")));
			case "ota_start" -> ota(connection, message.path("ota_url").asString(""));
			case "restart" -> {
				emit(new SimulatorEvent.Restarting());
				reboot(connection);
			}
			default -> emit(new SimulatorEvent.Unrecognised(frame));
		}
	}

	/** Downloads the firmware away from the socket's thread, then reboots. */
	private void ota(Connection connection, String url) {
		emit(new SimulatorEvent.OtaStarted(url));
		Thread.ofVirtual().name("ota-" + this.name).start(() -> {
			try {
				long bytes = download(URI.create(url));
				emit(new SimulatorEvent.OtaDownloaded(url, bytes));
				reboot(connection);
			}
			catch (IllegalArgumentException | IOException | CliException ex) {
				emit(new SimulatorEvent.OtaFailed(url, describe(ex)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	private long download(URI url) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.http.send(
				HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new CliException("HTTP " + response.statusCode());
			}
			long bytes = body.transferTo(OutputStreamSink.INSTANCE);
			long expected = response.headers().firstValueAsLong("Content-Length").orElse(bytes);
			if (bytes != expected) {
				throw new CliException("got " + bytes + " bytes, Content-Length said " + expected);
			}
			if (bytes == 0) {
				throw new CliException("the firmware is empty");
			}
			return bytes;
		}
	}

	/**
	 * Like the ESP32 restarting: the socket goes, and the device is back a moment later.
	 */
	private void reboot(Connection connection) {
		connection.closeGracefully("restart");
		reconnectAfter(this.rebootDelay);
	}

	private void emit(SimulatorEvent event) {
		if (this.keepEvents) {
			this.events.add(event);
		}
		try {
			this.listener.accept(event);
		}
		catch (RuntimeException ex) {
			// The listener is the caller's; the device goes on regardless.
		}
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root && !(root instanceof CliException)) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null && !message.isBlank()) ? message : root.getClass().getSimpleName();
	}

	/**
	 * One WebSocket connection: gathers text frames and tells a drop it did not cause
	 * from one the device chose (a restart), which reconnects sooner.
	 */
	private final class Connection implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private volatile @Nullable WebSocket socket;

		private volatile boolean leaving;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.socket = webSocket;
			webSocket.request(1);
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String frame = this.partial.toString();
				this.partial.setLength(0);
				handle(this, frame);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			ended(statusCode, reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			ended(-1, describe(error));
		}

		private void ended(int code, String reason) {
			if (this.leaving || SimulatedDevice.this.closed) {
				return;
			}
			this.leaving = true;
			emit(new SimulatorEvent.Disconnected(code, reason));
			reconnectAfter(SimulatedDevice.this.reconnectDelay);
		}

		void closeGracefully(String reason) {
			this.leaving = true;
			WebSocket open = this.socket;
			if (open == null) {
				return;
			}
			open.sendClose(WebSocket.NORMAL_CLOSURE, reason)
				.orTimeout(2, TimeUnit.SECONDS)
				.whenComplete((ignored, failure) -> open.abort());
		}

	}

	/** Counts a download without keeping it. */
	private static final class OutputStreamSink extends java.io.OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

	/**
	 * The server's answer to one utterance.
	 *
	 * @param status the HTTP status (200 when heard)
	 * @param transcript what the server heard, or null on an error status
	 * @param error the problem's detail on an error status, else null
	 * @param upload from the first chunk to the last (the length of the speech when
	 * paced)
	 * @param answerWait from the end of speech to the answer
	 * @param endOfSpeechNanos the {@link System#nanoTime()} the last chunk was handed to
	 * the connection
	 */
	public record Utterance(int status, @Nullable String transcript, @Nullable String error, Duration upload,
			Duration answerWait, long endOfSpeechNanos) {
	}

	/** Options of a {@link SimulatedDevice}. */
	public static final class Builder {

		private final URI server;

		private final String name;

		private int[] macAddress;

		private @Nullable HttpClient http;

		private Duration reconnectDelay = Duration.ofSeconds(10);

		private Duration rebootDelay = Duration.ofSeconds(1);

		private Consumer<SimulatorEvent> listener = (event) -> {
		};

		private boolean keepEvents = true;

		private Builder(URI server, String name) {
			this.server = server;
			this.name = name;
			// A locally administered address derived from the name, so each device has
			// its
			// own.
			int hash = name.hashCode();
			this.macAddress = new int[] { 0x02, 0x5A, (hash >>> 24) & 0xFF, (hash >>> 16) & 0xFF, (hash >>> 8) & 0xFF,
					hash & 0xFF };
		}

		/** The MAC address in the hello; six octets. */
		public Builder macAddress(int... octets) {
			if (octets.length != 6) {
				throw new IllegalArgumentException("A MAC address has 6 octets, not " + octets.length);
			}
			this.macAddress = octets.clone();
			return this;
		}

		/** Shares one client between many devices (the default is one per device). */
		public Builder httpClient(HttpClient http) {
			this.http = http;
			return this;
		}

		/** The wait before reconnecting after a dropped connection; 10 s by default. */
		public Builder reconnectDelay(Duration delay) {
			this.reconnectDelay = delay;
			return this;
		}

		/**
		 * How long a restart (or an OTA reboot) keeps the device away; 1 s by default.
		 */
		public Builder rebootDelay(Duration delay) {
			this.rebootDelay = delay;
			return this;
		}

		/** Told of every event, on the socket's thread; must not block. */
		public Builder listener(Consumer<SimulatorEvent> listener) {
			this.listener = listener;
			return this;
		}

		/** Whether {@link SimulatedDevice#events()} keeps them; on by default. */
		public Builder keepEvents(boolean keep) {
			this.keepEvents = keep;
			return this;
		}

		/**
		 * Opens the WebSocket and says hello.
		 * @return the connected device
		 * @throws RuntimeException when the server cannot be reached (the message says
		 * why); the device does not retry this first connection
		 */
		public SimulatedDevice connect() {
			SimulatedDevice device = new SimulatedDevice(this);
			device.connect();
			return device;
		}

	}

}

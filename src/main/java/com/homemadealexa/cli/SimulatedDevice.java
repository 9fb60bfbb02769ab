package com.homemadealexa.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.homemadealexa.audio.PcmFormat;
import org.jspecify.annotations.Nullable;

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
 * {@link HttpClient}. Its parts: {@link DeviceLink} (the socket and the hello),
 * {@link SpeechUpload} (the microphone), {@link ServerCommands} (what the server tells
 * it) and {@link SimulatorEvents} (what it reports).
 */
public final class SimulatedDevice implements AutoCloseable {

	/**
	 * What the ESP32 firmware says in its hello; the simulator says {@code SIMULATOR}.
	 */
	public static final String HW_TYPE = "SIMULATOR";

	private final String name;

	private final SimulatorEvents events;

	private final DeviceLink link;

	private final SpeechUpload microphone;

	private SimulatedDevice(Builder builder) {
		this.name = builder.name;
		HttpClient http = (builder.http != null) ? builder.http : AlexaClient.httpClient(DeviceLink.CONNECT_TIMEOUT);
		this.events = new SimulatorEvents(builder.listener, builder.keepEvents);
		DeviceHello hello = DeviceHello.of(builder.name).withHwType(HW_TYPE).withMac(builder.macAddress);
		this.link = new DeviceLink(builder.server, hello, http, builder.reconnectDelay, builder.rebootDelay,
				this.events, new ServerCommands(builder.name, new FirmwareDownload(http), this.events));
		this.microphone = new SpeechUpload(builder.server, http);
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
		return this.link.isConnected();
	}

	/** How many times the device has connected (1 until it first reconnects). */
	public int connections() {
		return this.link.connections();
	}

	/**
	 * @return every event so far, oldest first (empty when the builder turned keeping
	 * them off)
	 */
	public List<SimulatorEvent> events() {
		return this.events.all();
	}

	/**
	 * Sends {@code {"event": "wakeword"}}, as when the device hears its wake word.
	 * @throws IllegalStateException when the device is not connected
	 */
	public void wakeword() {
		this.link.send("{\"event\":\"wakeword\"}");
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
		return this.microphone.speak(pcm, format, realTime);
	}

	/** Closes the connection for good: no reconnect. */
	@Override
	public void close() {
		this.link.close();
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
			device.link.connect();
			return device;
		}

	}

}

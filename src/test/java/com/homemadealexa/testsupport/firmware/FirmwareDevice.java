package com.homemadealexa.testsupport.firmware;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.homemadealexa.cli.DeviceHello;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test device that behaves like the real ESP32 firmware ({@code homemade-alexa/esp32}
 * with esp_websocket_client 1.1.0 and ESP-IDF 5.3.3), as written down in
 * {@code shared/spec/DEVICE.md}: the exact upgrade request without {@code Origin}, a
 * pretty-printed cJSON hello with tabs and {@code mac_addr}, masked frames written in two
 * pieces, its own pings after a silence, a 4096-byte receive buffer whose pieces are each
 * parsed alone (so longer and fragmented commands are lost as on the device), hand-made
 * chunked uploads with a 255-byte reply reader and the 30 s request timer, the OTA
 * download the firmware makes, and a restart that abandons the old TCP connection without
 * a close frame. Thread-safe.
 */
public final class FirmwareDevice implements AutoCloseable {

	/** The screen state of {@code audio.c}. */
	public enum State {

		IDLE, LISTENING, REQUEST

	}

	/** A command the firmware acted on. */
	public record Command(String cmd, JsonNode json) {
	}

	private static final ObjectReader cjson = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build()
		.readerFor(JsonNode.class);

	private final FirmwareOptions options;

	private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();

	private final AtomicInteger lostPieces = new AtomicInteger();

	private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);

	private final AtomicInteger requestTimerExpiries = new AtomicInteger();

	private final List<WsLink> links = new CopyOnWriteArrayList<>();

	private final List<OtaDownload.Result> otaResults = new CopyOnWriteArrayList<>();

	private final RequestTimer requestTimer;

	private volatile String @Nullable [] display;

	private FirmwareDevice(FirmwareOptions options) {
		this.options = options;
		this.requestTimer = new RequestTimer(options.requestTimeout(), this::requestTimedOut);
	}

	/** A Box-3 with the default MAC, connecting to {@code /ws/internal}. */
	public static FirmwareDevice connect(int port) {
		return connect(FirmwareOptions.forPort(port));
	}

	public static FirmwareDevice connect(FirmwareOptions options) {
		FirmwareDevice device = new FirmwareDevice(options);
		device.links.add(device.openLink());
		return device;
	}

	public FirmwareOptions options() {
		return this.options;
	}

	/** {@code alexa-} and the MAC in lowercase hex, as {@code network.c} names it. */
	public String hostname() {
		return this.options.hostname();
	}

	/** The link the device currently uses (the newest one). */
	public WsLink link() {
		return this.links.get(this.links.size() - 1);
	}

	public List<WsLink> links() {
		return List.copyOf(this.links);
	}

	/** Sends {@code {"event":"wakeword"}} as cJSON prints it, and goes LISTENING. */
	public FirmwareDevice wakeword() {
		this.state.set(State.LISTENING);
		link().sendText("{\n\t\"event\":\t\"wakeword\"\n}");
		return this;
	}

	/** Uploads speech the way {@code http_stream} does, at microphone pace. */
	public SttUpload.Reply speak(byte[] pcm) {
		// The dots and the request timer start when the recording ends (MSG_STOP), before
		// the reply arrives.
		SttUpload.Reply reply = new SttUpload(this.options).send(pcm, () -> {
			this.state.set(State.REQUEST);
			this.requestTimer.start();
		});
		if (reply.status() != 200) {
			// "STT error": error.wav and back to idle; nothing more is expected.
			this.requestTimer.stop();
			this.state.set(State.IDLE);
		}
		return reply;
	}

	/**
	 * @return the next command the firmware acted on, waiting up to 5 s
	 * @throws AssertionError when none arrives
	 */
	public Command nextCommand() {
		Command command = pollCommand(Duration.ofSeconds(5));
		if (command == null) {
			throw new AssertionError("No command reached " + hostname() + " within 5 s");
		}
		return command;
	}

	public @Nullable Command pollCommand(Duration within) {
		try {
			return this.commands.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Text pieces that arrived but could not be parsed alone: commands lost. */
	public int lostPieces() {
		return this.lostPieces.get();
	}

	public State state() {
		return this.state.get();
	}

	/** How often the 30 s request timer sent the device idle on its own. */
	public int requestTimerExpiries() {
		return this.requestTimerExpiries.get();
	}

	/** Line 1 and line 2 of the screen after the last {@code display}, or null. */
	public String @Nullable [] display() {
		return this.display;
	}

	public List<OtaDownload.Result> otaResults() {
		return List.copyOf(this.otaResults);
	}

	/**
	 * What {@code restart} does: the old TCP connection is abandoned without a close
	 * frame or FIN, and the device comes back on a new one with a hello.
	 */
	public FirmwareDevice reboot() {
		link().abandon();
		this.state.set(State.IDLE);
		this.requestTimer.stop();
		this.links.add(openLink());
		return this;
	}

	/** Power loss: the connection ends with a reset, nothing else is sent. */
	public void powerOff() {
		this.requestTimer.stop();
		for (WsLink link : this.links) {
			link.reset();
		}
	}

	@Override
	public void close() {
		powerOff();
	}

	private WsLink openLink() {
		try {
			WsLink link = WsLink.open(this.options, this::pieceReceived, this::serverClosed);
			link.sendText(hello());
			return link;
		}
		catch (IOException ex) {
			throw new AssertionError(hostname() + " could not connect: " + ex.getMessage(), ex);
		}
	}

	// cJSON_Print's formatted output, tabs and all, as the firmware sends it.
	private String hello() {
		return DeviceHello.of(hostname()).withHwType(this.options.hwType()).withMac(this.options.mac()).firmwareJson();
	}

	// cb_ws_event: one DATA event per 4096-byte piece, parsed alone after strndup.
	private void pieceReceived(WsLink link, String piece) {
		int nul = piece.indexOf('\0');
		String text = (nul >= 0) ? piece.substring(0, nul) : piece;
		JsonNode json;
		try {
			json = cjson.readValue(text);
		}
		catch (RuntimeException ex) {
			this.lostPieces.incrementAndGet();
			return;
		}
		if (json == null || !json.isObject() || json.get("cmd") == null || !json.get("cmd").isString()) {
			this.lostPieces.incrementAndGet();
			return;
		}
		String cmd = json.get("cmd").stringValue();
		switch (cmd) {
			case "listen" -> {
				this.requestTimer.stop();
				this.state.set(State.LISTENING);
			}
			case "idle" -> {
				this.requestTimer.stop();
				this.state.set(State.IDLE);
			}
			case "display" -> {
				JsonNode data = json.get("data");
				if (data == null || !data.isObject()) {
					return;
				}
				this.display = new String[] { data.path("title").asString(""), data.path("text").asString("") };
			}
			case "ota_start" -> {
				JsonNode url = json.get("ota_url");
				if (url == null || !url.isString()) {
					return;
				}
				Thread.ofVirtual().name("ota-" + hostname()).start(() -> ota(link, url.stringValue()));
			}
			case "restart" -> Thread.ofVirtual().name("restart-" + hostname()).start(this::reboot);
			default -> {
				return;
			}
		}
		this.commands.add(new Command(cmd, json));
	}

	// ota_start: deinit_server sends an empty close frame, then the download runs, then
	// the device restarts either way.
	private void ota(WsLink link, String url) {
		link.closeFromDevice();
		this.otaResults.add(OtaDownload.fetch(url, this.options));
		this.links.add(openLink());
	}

	// WEBSOCKET_EVENT_CLOSED after the server closed TCP in time: a brand-new client.
	private void serverClosed(WsLink link, boolean tcpClosedInTime) {
		if (tcpClosedInTime && this.options.reconnectAfterServerClose() && link == link()) {
			this.links.add(openLink());
		}
	}

	private void requestTimedOut() {
		if (this.state.compareAndSet(State.REQUEST, State.IDLE)) {
			this.requestTimerExpiries.incrementAndGet();
		}
	}

}

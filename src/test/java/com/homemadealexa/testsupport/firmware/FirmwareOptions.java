package com.homemadealexa.testsupport.firmware;

import java.time.Duration;
import java.util.HexFormat;

/**
 * What makes one firmware device: the server it talks to, its identity and its timers.
 * Immutable; each setter returns a changed copy.
 */
public final class FirmwareOptions implements Cloneable {

	public static final int[] DEFAULT_MAC = { 72, 202, 67, 161, 178, 195 };

	private int serverPort;

	private String serverHost = "127.0.0.1";

	private String path = "/ws/internal";

	private String bindAddress = "127.0.0.1";

	private int[] mac = DEFAULT_MAC;

	private String hwType = "ESP32-S3-BOX-3";

	private Duration pingAfterSilence = Duration.ofSeconds(10);

	private Duration requestTimeout = Duration.ofSeconds(30);

	private Duration chunkPace = Duration.ofMillis(128);

	private boolean reconnectAfterServerClose = true;

	private FirmwareOptions() {
	}

	/** A Box-3 with the default MAC on loopback, using {@code /ws/internal}. */
	public static FirmwareOptions forPort(int port) {
		FirmwareOptions options = new FirmwareOptions();
		options.serverPort = port;
		return options;
	}

	/**
	 * The WebSocket path from NVS ({@code /ws/internal}, or {@code /ws} as in
	 * nvs.csv.example).
	 */
	public FirmwareOptions path(String path) {
		FirmwareOptions copy = copy();
		copy.path = path;
		return copy;
	}

	/** The server's address in the device's configuration (a 127.x.y.z address). */
	public FirmwareOptions serverHost(String host) {
		FirmwareOptions copy = copy();
		copy.serverHost = host;
		return copy;
	}

	/**
	 * Another device: its own loopback address (so devices are told apart by address as
	 * on a LAN) and a MAC derived from the number.
	 */
	public FirmwareOptions device(int number) {
		FirmwareOptions copy = copy();
		copy.bindAddress = "127.0.0." + (10 + number);
		copy.mac = new int[] { 72, 202, 67, 161, number >> 8 & 0xFF, number & 0xFF };
		return copy;
	}

	public FirmwareOptions mac(int... mac) {
		FirmwareOptions copy = copy();
		copy.mac = mac.clone();
		return copy;
	}

	/** esp_websocket_client pings after this long without receiving (10 s). */
	public FirmwareOptions pingAfterSilence(Duration silence) {
		FirmwareOptions copy = copy();
		copy.pingAfterSilence = silence;
		return copy;
	}

	/** One 4096-byte chunk per this long (128 ms of 16 kHz speech on the device). */
	public FirmwareOptions chunkPace(Duration pace) {
		FirmwareOptions copy = copy();
		copy.chunkPace = pace;
		return copy;
	}

	/**
	 * Whether a server close that ends TCP in time makes the device reconnect at once.
	 */
	public FirmwareOptions reconnectAfterServerClose(boolean reconnect) {
		FirmwareOptions copy = copy();
		copy.reconnectAfterServerClose = reconnect;
		return copy;
	}

	public int serverPort() {
		return this.serverPort;
	}

	public String serverHost() {
		return this.serverHost;
	}

	public String path() {
		return this.path;
	}

	public String bindAddress() {
		return this.bindAddress;
	}

	public int[] mac() {
		return this.mac.clone();
	}

	public String hwType() {
		return this.hwType;
	}

	public Duration pingAfterSilence() {
		return this.pingAfterSilence;
	}

	/** The request timer after an upload (30 s on the device). */
	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	public Duration chunkPace() {
		return this.chunkPace;
	}

	public boolean reconnectAfterServerClose() {
		return this.reconnectAfterServerClose;
	}

	/** {@code alexa-} and the MAC in lowercase hex, as {@code network.c} names it. */
	public String hostname() {
		byte[] bytes = new byte[6];
		for (int i = 0; i < 6; i++) {
			bytes[i] = (byte) this.mac[i];
		}
		return "alexa-" + HexFormat.of().formatHex(bytes);
	}

	/** {@code Host} as esp_http_client writes it: host:port unless the port is 80. */
	String hostHeader() {
		return (this.serverPort == 80) ? this.serverHost : this.serverHost + ":" + this.serverPort;
	}

	private FirmwareOptions copy() {
		try {
			return (FirmwareOptions) clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package com.homemadealexa.reliability;

import java.time.Duration;

import com.homemadealexa.cli.DeviceHello;
import com.homemadealexa.device.TestDevice;

/**
 * A device on its own loopback address ({@code 127.0.0.{host}}): a {@link TestDevice} on
 * {@code /ws/internal} whose connection comes from that address. Its uploads go through
 * {@link Loopback#client(int)} for the same host, so the server pairs them with this
 * connection.
 */
final class LoopbackDevice implements AutoCloseable {

	private final int host;

	private final TestDevice device;

	private LoopbackDevice(int host, TestDevice device) {
		this.host = host;
		this.device = device;
	}

	static LoopbackDevice connect(int port, int host, String hostname) {
		TestDevice device = TestDevice.connect(Loopback.client(host), port, "/ws/internal");
		device.send(DeviceHello.of(hostname).withMac(72, 202, 67, 1, 2, host & 0xFF).json());
		return new LoopbackDevice(host, device);
	}

	int host() {
		return this.host;
	}

	void send(String text) {
		this.device.send(text);
	}

	/** The next text frame within the wait, else null. */
	String poll(Duration within) {
		return this.device.pollMessage(within);
	}

	/** Frames received and not yet polled. */
	int pending() {
		return this.device.pending();
	}

	boolean isOpen() {
		return this.device.isOpen();
	}

	/** Drops the TCP connection without a close frame, like a device losing power. */
	void abort() {
		this.device.abort();
	}

	@Override
	public void close() {
		this.device.close();
	}

}

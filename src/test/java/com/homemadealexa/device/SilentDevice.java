package com.homemadealexa.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import com.homemadealexa.cli.DeviceHello;

/**
 * A device that opens a WebSocket, says hello and then never reads again: it answers no
 * ping and lets the server's writes pile up, like a device that hung or left Wi-Fi range
 * without closing. Raw TCP, so nothing answers on its behalf.
 */
final class SilentDevice implements AutoCloseable {

	private final Socket socket;

	private SilentDevice(Socket socket) {
		this.socket = socket;
	}

	static SilentDevice connect(int port, String hostname) throws IOException {
		Socket socket = new Socket();
		// A small window makes the server's writes block after a few kilobytes.
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(5000);
		OutputStream out = socket.getOutputStream();
		out.write(("GET /ws/internal HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String response = readHeaders(socket.getInputStream());
		if (!response.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new IOException("Handshake refused: " + response);
		}
		out.write(maskedTextFrame(DeviceHello.of(hostname).json()));
		out.flush();
		return new SilentDevice(socket);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed during the handshake");
			}
			headers.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	// Clients must mask their frames (RFC 6455 5.3).
	private static byte[] maskedTextFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		if (payload.length > 125) {
			throw new IllegalArgumentException("Keep test frames short");
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		byte[] frame = new byte[2 + 4 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		return frame;
	}

}

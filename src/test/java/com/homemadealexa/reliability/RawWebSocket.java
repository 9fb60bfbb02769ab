package com.homemadealexa.reliability;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written by hand over a socket, so that tests can send what the JDK
 * client refuses to: invalid UTF-8 in text frames, oversized control frames, unmasked or
 * reserved frames, fragments out of order. Not thread-safe.
 */
final class RawWebSocket implements AutoCloseable {

	static final int CONTINUATION = 0x0;

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	static final int CLOSE = 0x8;

	static final int PING = 0x9;

	static final int PONG = 0xA;

	private final Socket socket;

	private final OutputStream out;

	private final DataInputStream in;

	private final String handshakeStatus;

	private RawWebSocket(Socket socket, String handshakeStatus) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = new DataInputStream(socket.getInputStream());
		this.handshakeStatus = handshakeStatus;
	}

	/**
	 * Opens the connection and performs the opening handshake.
	 * @param pathAndQuery e.g. {@code /ws/internal}
	 */
	static RawWebSocket open(int port, String pathAndQuery) throws IOException {
		return open(port, pathAndQuery, 0);
	}

	/**
	 * @param receiveBuffer the socket's receive buffer in bytes (0: the system's); a
	 * small one makes the server's writes block soon when this client stops reading
	 */
	static RawWebSocket open(int port, String pathAndQuery, int receiveBuffer) throws IOException {
		return open(port, pathAndQuery, receiveBuffer, "127.0.0.1:" + port);
	}

	/**
	 * Opens the connection with the {@code Host} a browser or a proxy would send, and
	 * more headers.
	 * @param headers more header lines, each {@code "Name: value"}
	 */
	static RawWebSocket openAs(int port, String pathAndQuery, String host, String... headers) throws IOException {
		return open(port, pathAndQuery, 0, host, headers);
	}

	private static RawWebSocket open(int port, String pathAndQuery, int receiveBuffer, String host, String... headers)
			throws IOException {
		Socket socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(5000);
		StringBuilder extra = new StringBuilder();
		for (String header : headers) {
			extra.append(header).append("\r\n");
		}
		socket.getOutputStream()
			.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extra + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		String head = readHead(socket.getInputStream());
		return new RawWebSocket(socket, head.lines().findFirst().orElse(""));
	}

	/** Whether the server switched protocols (status 101). */
	boolean upgraded() {
		return this.handshakeStatus.startsWith("HTTP/1.1 101");
	}

	String handshakeStatus() {
		return this.handshakeStatus;
	}

	void text(String text) throws IOException {
		frame(true, TEXT, text.getBytes(StandardCharsets.UTF_8), true, 0);
	}

	/**
	 * Writes one frame.
	 * @param fin whether it is the last fragment
	 * @param opcode the frame type (any 4-bit value, reserved ones included)
	 * @param masked clients must mask; false breaks the protocol on purpose
	 * @param rsv the three reserved bits (0 unless an extension was agreed)
	 */
	void frame(boolean fin, int opcode, byte[] payload, boolean masked, int rsv) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
		frame.write((fin ? 0x80 : 0) | ((rsv & 0x7) << 4) | (opcode & 0xF));
		int mask = masked ? 0x80 : 0;
		if (payload.length < 126) {
			frame.write(mask | payload.length);
		}
		else if (payload.length < 65536) {
			frame.write(mask | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xFF);
		}
		else {
			frame.write(mask | 127);
			frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
		}
		if (masked) {
			byte[] key = new byte[4];
			ThreadLocalRandom.current().nextBytes(key);
			frame.writeBytes(key);
			byte[] maskedPayload = payload.clone();
			for (int i = 0; i < maskedPayload.length; i++) {
				maskedPayload[i] ^= key[i % 4];
			}
			frame.writeBytes(maskedPayload);
		}
		else {
			frame.writeBytes(payload);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	/**
	 * Sends a ping and waits for the pong, skipping the server's other frames.
	 * @return whether the connection is still usable
	 */
	boolean answersPing(Duration within) {
		byte[] token = { 'p', 'r', 'o', 'b', 'e' };
		try {
			frame(true, PING, token, true, 0);
			long deadline = System.nanoTime() + within.toNanos();
			while (System.nanoTime() < deadline) {
				Frame frame = readFrame(within);
				if (frame.opcode() == PONG) {
					return true;
				}
				if (frame.opcode() == CLOSE) {
					return false;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Reads frames until the server's close frame or the end of the connection.
	 * @return the close code, 1006 when the connection ended without a close frame, or -1
	 * when it is still open after the wait
	 */
	int closeCode(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				Frame frame = readFrame(within);
				if (frame.opcode() == CLOSE) {
					return (frame.payload().length >= 2)
							? ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF) : 1005;
				}
			}
			return -1;
		}
		catch (SocketTimeoutException ex) {
			return -1;
		}
		catch (EOFException | SocketException ex) {
			return 1006;
		}
		catch (IOException ex) {
			return 1006;
		}
	}

	/**
	 * @return the next text frame's payload within the wait, else null
	 */
	String nextText(Duration within) throws IOException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			Frame frame;
			try {
				frame = readFrame(within);
			}
			catch (SocketTimeoutException ex) {
				return null;
			}
			if (frame.opcode() == TEXT) {
				return new String(frame.payload(), StandardCharsets.UTF_8);
			}
			if (frame.opcode() == CLOSE) {
				return null;
			}
		}
		return null;
	}

	private Frame readFrame(Duration within) throws IOException {
		this.socket.setSoTimeout((int) Math.max(1, within.toMillis()));
		int first = this.in.readUnsignedByte();
		int second = this.in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		if ((second & 0x80) != 0) {
			this.in.readInt();
		}
		byte[] payload = new byte[(int) length];
		this.in.readFully(payload);
		return new Frame(first & 0x0F, payload);
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Nothing left to release.
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : (b == '\r') ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private record Frame(int opcode, byte[] payload) {
	}

}

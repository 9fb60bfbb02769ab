package com.homemadealexa.testsupport.firmware;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * WebSocket framing as {@code transport_ws} (ESP-IDF 5.3.3) does it: every frame the
 * device sends is masked with four fresh random bytes, and the header (opcode, length,
 * mask) is written in one write, the masked payload in a second one.
 */
final class WsFrames {

	static final int CONTINUATION = 0x0;

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	static final int CLOSE = 0x8;

	static final int PING = 0x9;

	static final int PONG = 0xA;

	private static final SecureRandom random = new SecureRandom();

	private WsFrames() {
	}

	/** A frame from the server: servers never mask. */
	record Frame(boolean fin, int opcode, byte[] payload) {
	}

	static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
		byte[] mask = new byte[4];
		random.nextBytes(mask);
		byte[] header;
		if (payload.length <= 125) {
			header = new byte[] { (byte) (0x80 | opcode), (byte) (0x80 | payload.length), mask[0], mask[1], mask[2],
					mask[3] };
		}
		else if (payload.length <= 65535) {
			header = new byte[] { (byte) (0x80 | opcode), (byte) (0x80 | 126), (byte) (payload.length >> 8),
					(byte) payload.length, mask[0], mask[1], mask[2], mask[3] };
		}
		else {
			// transport_ws splits longer messages; the firmware never sends one.
			throw new IllegalArgumentException("The firmware never sends frames over 65535 bytes");
		}
		byte[] masked = new byte[payload.length];
		for (int i = 0; i < payload.length; i++) {
			masked[i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		out.write(header);
		out.flush();
		out.write(masked);
		out.flush();
	}

	/**
	 * Reads one frame header and its whole payload.
	 * @throws java.io.EOFException when the server closed TCP
	 */
	static Frame read(DataInputStream in) throws IOException {
		int first = in.readUnsignedByte();
		int second = in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = in.readUnsignedShort();
		}
		else if (length == 127) {
			length = in.readLong();
		}
		byte[] mask = null;
		if ((second & 0x80) != 0) {
			mask = new byte[4];
			in.readFully(mask);
		}
		if (length > 16 * 1024 * 1024) {
			throw new IOException("A frame of " + length + " bytes from the server");
		}
		byte[] payload = new byte[(int) length];
		in.readFully(payload);
		if (mask != null) {
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
		}
		return new Frame((first & 0x80) != 0, first & 0x0F, payload);
	}

}

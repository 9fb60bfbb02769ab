package com.homemadealexa.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 spoken by hand over a socket, for requests no well-behaved client would send:
 * cut-off bodies, broken chunking, oversized or binary headers.
 */
final class RawHttp {

	private static final int READ_TIMEOUT_MILLIS = 10_000;

	private static final int MAX_BODY = 1 << 20;

	private RawHttp() {
	}

	/**
	 * What came back.
	 *
	 * @param status the status code, or -1 when the server closed the connection without
	 * answering
	 * @param headers header names in lower case
	 * @param body the body (up to 1 MiB)
	 */
	record Response(int status, Map<String, String> headers, String body) {

		Optional<String> contentType() {
			return Optional.ofNullable(this.headers.get("content-type"));
		}

		boolean closedWithoutAnswer() {
			return this.status < 0;
		}

	}

	/**
	 * Sends the bytes, then (optionally) half-closes the connection, and reads one
	 * answer.
	 * @param halfClose end the request stream after the bytes, like a client that died
	 * mid-upload
	 */
	static Response exchange(int port, byte[] request, boolean halfClose) throws IOException {
		return exchange(port, request, halfClose, 1);
	}

	/**
	 * @param fromHost the client's address is {@code 127.0.0.{fromHost}}
	 */
	static Response exchange(int port, byte[] request, boolean halfClose, int fromHost) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(Loopback.address(fromHost), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				if (halfClose) {
					socket.shutdownOutput();
				}
			}
			catch (SocketException ex) {
				// The server may answer and close before it read everything; read what it
				// said.
			}
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		String head;
		try {
			head = readHead(in);
		}
		catch (SocketException ex) {
			return new Response(-1, Map.of(), "");
		}
		if (head.isEmpty()) {
			return new Response(-1, Map.of(), "");
		}
		String[] lines = head.split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		int status = Integer.parseInt(statusLine[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		return new Response(status, headers, readBody(in, headers));
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				return "";
			}
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : (b == '\r') ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			String length = headers.get("content-length");
			if (length != null) {
				body.write(in.readNBytes(Math.min(MAX_BODY, Integer.parseInt(length))));
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				readChunks(in, body);
			}
			else {
				body.write(in.readNBytes(MAX_BODY));
			}
		}
		catch (SocketTimeoutException | SocketException ex) {
			// Keep what arrived.
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
		while (body.size() < MAX_BODY) {
			String sizeLine = readLine(in);
			if (sizeLine == null) {
				return;
			}
			int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
			if (size == 0) {
				return;
			}
			body.write(in.readNBytes(size));
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0) {
			if (b == '\n') {
				return line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

}

package com.homemadealexa.testsupport.firmware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The speech upload of {@code audio.c} through ADF's {@code http_stream} and
 * esp_http_client 5.3.3: a new connection per utterance, lowercase {@code x-audio-*}
 * headers, no Content-Type or Content-Length, chunk framing written by hand as three
 * writes per 4096-byte chunk at microphone pace, 30 s for the reply, of which at most 255
 * bytes are read.
 */
public final class SttUpload {

	/**
	 * What the device made of the reply.
	 *
	 * @param status the HTTP status, or -1 when no reply came within 30 s
	 * @param body the at most 255 bytes the device read
	 * @param bodyLength the length the server announced or sent
	 * @param shown the {@code command} shown on line 5, or null when nothing is shown
	 */
	public record Reply(int status, byte[] body, int bodyLength, @Nullable String shown) {

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	private static final int REPLY_BUFFER = 255;

	private static final ObjectReader cjson = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build()
		.readerFor(JsonNode.class);

	private final FirmwareOptions options;

	SttUpload(FirmwareOptions options) {
		this.options = options;
	}

	/**
	 * @param recordingEnded run after the last chunk, before the terminal chunk
	 */
	Reply send(byte[] pcm, Runnable recordingEnded) {
		try (Socket socket = new Socket()) {
			socket.setTcpNoDelay(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.options.bindAddress()), 0));
			socket.connect(new InetSocketAddress(this.options.serverHost(), this.options.serverPort()), 2000);
			OutputStream out = socket.getOutputStream();
			String head = "POST /api/internal/stt HTTP/1.1\r\n" + "User-Agent: Alexa/0.1\r\n" + "Host: "
					+ this.options.hostHeader() + "\r\n" + "x-audio-sample-rate: 16000\r\n" + "x-audio-bits: 16\r\n"
					+ "x-audio-channel: 1\r\n" + "x-audio-codec: pcm\r\n" + "Transfer-Encoding: chunked\r\n" + "\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			for (int offset = 0; offset < pcm.length; offset += WsLink.BUFFER_SIZE) {
				int length = Math.min(WsLink.BUFFER_SIZE, pcm.length - offset);
				pace();
				out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				out.write(pcm, offset, length);
				out.flush();
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			recordingEnded.run();
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.setSoTimeout(30_000);
			return readReply(socket.getInputStream());
		}
		catch (SocketTimeoutException ex) {
			return new Reply(-1, new byte[0], 0, null);
		}
		catch (IOException ex) {
			throw new AssertionError("The upload failed: " + ex.getMessage(), ex);
		}
	}

	private void pace() {
		if (this.options.chunkPace().isZero()) {
			return;
		}
		try {
			// Emulates the microphone: a chunk is only there once it was spoken.
			Thread.sleep(this.options.chunkPace());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Reply readReply(InputStream in) throws IOException {
		String statusLine = line(in);
		String[] parts = statusLine.split(" ", 3);
		int status = (parts.length >= 2) ? Integer.parseInt(parts[1]) : -1;
		Map<String, String> headers = new LinkedHashMap<>();
		String header;
		while (!(header = line(in)).isEmpty()) {
			String[] nameValue = header.split(":", 2);
			headers.put(nameValue[0].strip().toLowerCase(Locale.ROOT),
					(nameValue.length > 1) ? nameValue[1].strip() : "");
		}
		byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in)
				: in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
		byte[] read = Arrays.copyOf(body, Math.min(body.length, REPLY_BUFFER));
		return new Reply(status, read, body.length, (status == 200) ? shown(read) : null);
	}

	private static @Nullable String shown(byte[] read) {
		try {
			JsonNode json = cjson.readValue(new String(read, StandardCharsets.UTF_8));
			JsonNode command = (json != null) ? json.get("command") : null;
			return (command != null && command.isString() && !command.stringValue().isEmpty()) ? command.stringValue()
					: null;
		}
		catch (RuntimeException ex) {
			// A reply over 255 bytes does not parse and shows nothing.
			return null;
		}
	}

	static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int size = Integer.parseInt(line(in).split(";", 2)[0].strip(), 16);
			if (size == 0) {
				while (!line(in).isEmpty()) {
					// Trailers.
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			line(in);
		}
	}

	static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		if (b == -1 && line.size() == 0) {
			throw new IOException("The server closed the connection");
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

}

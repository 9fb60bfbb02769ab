package com.homemadealexa.testsupport.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The firmware download of {@code ota.c}: esp_http_client created for
 * {@code http://dummy}, so {@code set_url} leaves a {@code Host} without the port; a
 * {@code Content-Length: 0} on the GET; no redirects followed; 5 s network timeout; the
 * first read must be longer than 288 bytes and start with the image magic 0xE9.
 */
public final class OtaDownload {

	/**
	 * @param url the {@code ota_url} the device was given
	 * @param status the HTTP status, or -1 when the connection failed
	 * @param bytes how many body bytes arrived
	 * @param imageAccepted whether {@code esp_ota_write} would accept the first read
	 */
	public record Result(String url, int status, long bytes, boolean imageAccepted) {

		public boolean succeeded() {
			return this.status == 200 && this.imageAccepted;
		}

	}

	private static final int FIRST_READ_MINIMUM = 24 + 8 + 256;

	private OtaDownload() {
	}

	static Result fetch(String url, FirmwareOptions options) {
		URI uri = URI.create(url);
		int port = (uri.getPort() > 0) ? uri.getPort() : 80;
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(options.bindAddress()), 0));
			socket.connect(new InetSocketAddress(uri.getHost(), port), 5000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
			out.write(("GET " + path + " HTTP/1.1\r\n" + "User-Agent: Alexa/0.1\r\n" + "Host: " + uri.getHost() + "\r\n"
					+ "Content-Length: 0\r\n" + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String[] statusLine = SttUpload.line(in).split(" ", 3);
			int status = Integer.parseInt(statusLine[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			String header;
			while (!(header = SttUpload.line(in)).isEmpty()) {
				String[] nameValue = header.split(":", 2);
				headers.put(nameValue[0].strip().toLowerCase(Locale.ROOT), nameValue[1].strip());
			}
			if (status != 200) {
				return new Result(url, status, 0, false);
			}
			long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
			// A Content-Length of 0 is treated as chunked.
			byte[] body = (length == 0) ? SttUpload.chunked(in) : in.readNBytes((int) length);
			byte[] first = java.util.Arrays.copyOf(body, Math.min(4096, body.length));
			boolean accepted = first.length > FIRST_READ_MINIMUM && (first[0] & 0xFF) == 0xE9;
			return new Result(url, status, body.length, accepted && (length == 0 || body.length == length));
		}
		catch (IOException | RuntimeException ex) {
			return new Result(url, -1, 0, false);
		}
	}

}

package com.homemadealexa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A simulated device's OTA download: fetches the whole image and checks it, as the
 * firmware would before flashing, without keeping it.
 */
final class FirmwareDownload {

	private final HttpClient http;

	FirmwareDownload(HttpClient http) {
		this.http = http;
	}

	/**
	 * @return the image's length in bytes
	 * @throws CliException when the server refuses it, or it is empty or cut short
	 */
	long download(URI url) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.http.send(
				HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new CliException("HTTP " + response.statusCode());
			}
			long bytes = body.transferTo(OutputStream.nullOutputStream());
			long expected = response.headers().firstValueAsLong("Content-Length").orElse(bytes);
			if (bytes != expected) {
				throw new CliException("got " + bytes + " bytes, Content-Length said " + expected);
			}
			if (bytes == 0) {
				throw new CliException("the firmware is empty");
			}
			return bytes;
		}
	}

}

package com.homemadealexa.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel uploads in the largest format the headers allow (48 kHz, 32-bit, stereo, 30 s:
 * 11.5 MB each) against a server process with a 256 MiB heap: before, some got 500/502
 * and Tomcat's poller could die of OutOfMemoryError, leaving a process that answered
 * nothing. Now the memory uploads hold is admitted, the rest are refused with 503 and
 * {@code Retry-After}, and the server answers afterwards.
 */
class UploadMemoryIT {

	private static final int UPLOADS = 60;

	private static final int SECONDS = 30;

	private static final int BYTES_PER_SECOND = 48_000 * 4 * 2;

	@TempDir
	Path folder;

	private ServerProcess server;

	private final FakeAudioServer speaker = FakeAudioServer.start();

	private final WireMockServer openAi = LoopbackWireMock.start();

	@AfterEach
	void stop() throws InterruptedException {
		if (this.server != null) {
			this.server.stop();
		}
		this.speaker.close();
		this.openAi.stop();
	}

	@Test
	void parallelHugeUploadsAreAdmittedOrRefusedAndTheServerLivesOn() throws Exception {
		Path config = this.folder.resolve("config.toml");
		Files.writeString(config, """
				[server]
				host = "127.0.0.1"

				[data]
				dir = "%s"

				[firmware]
				dir = "%s"

				[audio]
				log_dir = "%s"
				max_seconds = %d

				[audio_server]
				url = "%s"

				[openai]
				api_key = "sk-test-upload-memory"
				base_url = "%s"

				[speech]
				stt_provider = "openai"
				tts_provider = "espeak"
				""".formatted(this.folder.resolve("data"), this.folder.resolve("firmware"),
				this.folder.resolve("audio_log"), SECONDS, this.speaker.url(), OpenAiSpeechStubs.baseUrl(this.openAi)));
		// The OpenAI provider buffers the whole recording: the heaviest case.
		OpenAiSpeechStubs.transcriptionReturns(this.openAi, "");
		int port = Loopback.freePort();
		this.server = ServerProcess.start(config, port, this.folder.resolve("server.log"),
				"-XX:+ExitOnOutOfMemoryError");
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> retryAfter = new ArrayList<>();
		byte[] chunk = new byte[64 * 1024];
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<String[]>> answers = new ArrayList<>();
			for (int i = 0; i < UPLOADS; i++) {
				answers.add(clients.submit(() -> upload(port, chunk)));
			}
			for (Future<String[]> answer : answers) {
				String[] statusAndRetry = answer.get(120, TimeUnit.SECONDS);
				statuses.merge(Integer.parseInt(statusAndRetry[0]), 1, Integer::sum);
				if (statusAndRetry[0].equals("503")) {
					retryAfter.add(statusAndRetry[1]);
				}
			}
		}
		Figures.record("upload-memory", "statuses", statuses);
		// 200: admitted and heard (as silence); 503: refused by the admission; -1: the
		// server hung up after refusing (the client was still sending). Never a 5xx
		// from running out of memory.
		assertThat(statuses.keySet()).as("statuses of %d parallel 11.5 MB uploads", UPLOADS).isSubsetOf(200, 503, -1);
		assertThat(statuses.getOrDefault(200, 0)).as("admitted").isPositive();
		assertThat(statuses.getOrDefault(503, 0)).as("refused by the admission").isPositive();
		assertThat(retryAfter).allSatisfy((value) -> assertThat(value).isEqualTo("1"));
		HttpResponse<String> health = this.server.http()
			.send(HttpRequest.newBuilder(this.server.uri("/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.server.logTail()).doesNotContain("OutOfMemoryError");
	}

	/**
	 * @return the status (or -1 when the server hung up mid-upload) and Retry-After
	 */
	private static String[] upload(int port, byte[] chunk) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/internal/stt HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nx-audio-sample-rate: 48000\r\nx-audio-bits: 32\r\nx-audio-channel: 2\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			long total = (long) SECONDS * BYTES_PER_SECOND;
			try {
				for (long sent = 0; sent < total; sent += chunk.length) {
					int length = (int) Math.min(chunk.length, total - sent);
					out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(chunk, 0, length);
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException refusedMidway) {
				// The server answered and closed before the body ended: read its answer.
			}
			return readStatus(socket.getInputStream());
		}
	}

	private static String[] readStatus(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		try {
			int b;
			while (head.length() < 4096 && (b = in.read()) != -1) {
				head.append((char) b);
				if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
					break;
				}
			}
		}
		catch (IOException ex) {
			return new String[] { "-1", "" };
		}
		if (head.indexOf("HTTP/1.1 ") != 0) {
			return new String[] { "-1", "" };
		}
		String retry = head.toString()
			.lines()
			.filter((line) -> line.regionMatches(true, 0, "Retry-After:", 0, 12))
			.map((line) -> line.substring(12).strip())
			.findFirst()
			.orElse("");
		return new String[] { head.substring(9, 12), retry };
	}

}

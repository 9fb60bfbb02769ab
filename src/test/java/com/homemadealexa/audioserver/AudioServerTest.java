package com.homemadealexa.audioserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The audio server on a real ALSA sink ({@link AlsaFileSink}): real aplay processes, real
 * HTTP on loopback, the played samples read back from ALSA's file plugin.
 */
class AudioServerTest {

	private static final PcmFormat FORMAT = new PcmFormat(16000, 16, 1);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path folder;

	private AudioServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void playsExactlyTheSamplesSent() throws Exception {
		AlsaFileSink sink = AlsaFileSink.file(this.folder);
		start(sink, null);
		// Whole periods (2000 frames): aplay pads a partial last period with silence.
		byte[] pcm = TestWavs.tonePcm(FORMAT, 500, 440);

		HttpResponse<String> answer = post("/api/play", TestWavs.wav(pcm, FORMAT));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"status\": \"ok\"}");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.exists(sink.samples()) && Files.size(sink.samples()) >= pcm.length);
		assertThat(Files.readAllBytes(sink.samples())).isEqualTo(pcm);
	}

	@Test
	void answersOnceThePlaybackHasStartedAndAbortCutsItShort() throws Exception {
		AlsaFileSink sink = AlsaFileSink.fifo(this.folder);
		start(sink, null);
		byte[] pcm = TestWavs.tonePcm(FORMAT, 10_000, 440);
		Speaker speaker = Speaker.listen(sink.samples(), 8000);

		HttpResponse<String> played = post("/api/play", TestWavs.wav(pcm, FORMAT));
		// The speaker has taken only a quarter of a second: the answer came while
		// playing.
		assertThat(played.statusCode()).isEqualTo(200);
		assertThat(speaker.heardFirstPart.await(10, TimeUnit.SECONDS)).isTrue();

		HttpResponse<String> aborted = post("/api/abort", new byte[0]);
		speaker.goOn.countDown();

		assertThat(aborted.statusCode()).isEqualTo(200);
		byte[] heard = speaker.everything.get(10, TimeUnit.SECONDS);
		assertThat(heard.length).isGreaterThanOrEqualTo(8000).isLessThan(pcm.length / 2);
		assertThat(heard).isEqualTo(Arrays.copyOf(pcm, heard.length));
	}

	@Test
	void aNewPlayReplacesTheOnePlaying() throws Exception {
		AlsaFileSink sink = AlsaFileSink.fifo(this.folder);
		start(sink, null);
		byte[] first = TestWavs.tonePcm(FORMAT, 10_000, 440);
		byte[] second = TestWavs.tonePcm(FORMAT, 300, 880);
		Speaker speaker = Speaker.listen(sink.samples(), 8000);
		assertThat(post("/api/play", TestWavs.wav(first, FORMAT)).statusCode()).isEqualTo(200);
		assertThat(speaker.heardFirstPart.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(post("/api/play", TestWavs.wav(second, FORMAT)).statusCode()).isEqualTo(200);
		speaker.goOn.countDown();

		byte[] heard = speaker.everything.get(10, TimeUnit.SECONDS);
		int secondStarts = indexOf(heard, second);
		assertThat(secondStarts).isGreaterThanOrEqualTo(8000).isLessThan(first.length / 2);
		assertThat(Arrays.copyOf(heard, secondStarts)).isEqualTo(Arrays.copyOf(first, secondStarts));
		// aplay fills its last period (2000 frames here) with silence.
		byte[] after = Arrays.copyOfRange(heard, secondStarts + second.length, heard.length);
		assertThat(after.length).isLessThan(4000);
		assertThat(after).containsOnly(0);
	}

	@Test
	void aMissingSoundCardIsAClearServiceUnavailableProblem() throws Exception {
		AlsaFileSink sink = AlsaFileSink.file(this.folder);
		start(sink, "hw:7");

		HttpResponse<String> answer = post("/api/play", TestWavs.wav(TestWavs.tonePcm(FORMAT, 100, 440), FORMAT));

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"status\": 503").contains("The sound card was not found");
	}

	@Test
	void refusesABodyThatIsNotAPlayableWav() throws Exception {
		start(AlsaFileSink.file(this.folder), null);

		HttpResponse<String> notWav = post("/api/play", "hello".getBytes(StandardCharsets.UTF_8));
		byte[] wav = TestWavs.wav(TestWavs.tonePcm(FORMAT, 100, 440), FORMAT);
		wav[22] = 12;
		HttpResponse<String> twelveChannels = post("/api/play", wav);

		assertThat(notWav.statusCode()).isEqualTo(400);
		assertThat(notWav.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(notWav.body()).contains("not a WAV file");
		assertThat(twelveChannels.statusCode()).isEqualTo(400);
		assertThat(twelveChannels.body()).contains("12 channels");
	}

	@Test
	void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
		start(AlsaFileSink.file(this.folder), null);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/play HTTP/1.1\r\nHost: speaker\r\nContent-Type: audio/wav\r\nContent-Length: "
					+ (AudioServer.MAX_WAV_BYTES + 1L) + "\r\n\r\nRIFF")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(answer).isEqualTo("HTTP/1.1 413");
		}
	}

	@Test
	void answersOnlyItsTwoRoutes() throws Exception {
		start(AlsaFileSink.file(this.folder), null);

		HttpResponse<String> get = this.http.send(HttpRequest.newBuilder(uri("/api/play")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> other = post("/api/volume", new byte[0]);

		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(get.headers().firstValue("Allow")).hasValue("POST");
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).contains("\"status\": 404");
	}

	@Test
	void refusesToStartWithoutAplay() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AudioServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
					this.folder.resolve("no-aplay").toString(), null, Map.of()))
			.withMessageContaining("install Debian's alsa-utils");
	}

	private static int indexOf(byte[] heard, byte[] part) {
		for (int at = 0; at + part.length <= heard.length; at += FORMAT.channels() * FORMAT.bits() / 8) {
			if (Arrays.equals(heard, at, at + part.length, part, 0, part.length)) {
				return at;
			}
		}
		return -1;
	}

	private void start(AlsaFileSink sink, String device) throws IOException {
		this.server = AudioServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
				AlsaFileSink.aplay(), device, sink.environment());
	}

	private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "audio/wav")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.port() + path);
	}

	/**
	 * The far end of the named pipe: takes the first bytes, then takes nothing more
	 * (aplay blocks, as on a card that plays in real time) until told to go on, then
	 * reads to the end.
	 */
	private static final class Speaker {

		final CountDownLatch heardFirstPart = new CountDownLatch(1);

		final CountDownLatch goOn = new CountDownLatch(1);

		final CompletableFuture<byte[]> everything = new CompletableFuture<>();

		static Speaker listen(Path fifo, int firstPart) {
			Speaker speaker = new Speaker();
			Thread.ofVirtual().start(() -> {
				try (InputStream in = Files.newInputStream(fifo)) {
					ByteArrayOutputStream heard = new ByteArrayOutputStream();
					heard.write(in.readNBytes(firstPart));
					speaker.heardFirstPart.countDown();
					speaker.goOn.await();
					in.transferTo(heard);
					speaker.everything.complete(heard.toByteArray());
				}
				catch (IOException | InterruptedException | RuntimeException ex) {
					speaker.everything.completeExceptionally(ex);
				}
			});
			return speaker;
		}

	}

}

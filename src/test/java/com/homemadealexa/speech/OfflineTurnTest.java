package com.homemadealexa.speech;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.FakeWyomingServer;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole turn with no cloud configured at all: no OpenAI key, no Azure key. A device
 * streams its speech, a loopback Wyoming speech-to-text service (real framing) hears
 * "what time is it", the local command answers, a loopback Wyoming voice (Piper's 22,050
 * Hz) or espeak-ng speaks it on the audio server, and the device gets {@code listen}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfflineTurnTest {

	static final FakeWyomingServer whisper = FakeWyomingServer.start(FakeWyomingServer.transcriber("what time is it"));

	static final FakeWyomingServer piper = FakeWyomingServer.start(FakeWyomingServer.piper(22050, 900));

	static final FakeAudioServer speaker = FakeAudioServer.start();

	static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void offline(DynamicPropertyRegistry registry) {
		registry.add("openai.api-key", () -> "");
		registry.add("azure.speech-key", () -> "");
		registry.add("azure.host", () -> "");
		registry.add("speech.stt-provider", () -> "wyoming");
		registry.add("speech.tts-provider", () -> "wyoming");
		registry.add("speech.timeout-seconds", () -> "10");
		registry.add("wyoming.stt-url", whisper::url);
		registry.add("wyoming.tts-url", piper::url);
		registry.add("audio-server.url", speaker::url);
		registry.add("assistant.language", () -> "en-US");
		registry.add("assistant.prefer-local", () -> "true");
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> folder.resolve("audio_log").toString());
	}

	@BeforeEach
	void reset() {
		speaker.reset();
		piper.script(FakeWyomingServer.piper(22050, 900));
		whisper.script(FakeWyomingServer.transcriber("what time is it"));
	}

	@AfterAll
	static void stop() {
		whisper.close();
		piper.close();
		speaker.close();
	}

	@Test
	void describesTheServicesAtStartUp() {
		await().atMost(Duration.ofSeconds(10)).until(() -> whisper.receivedTypes().contains("describe"));
		await().atMost(Duration.ofSeconds(10)).until(() -> piper.receivedTypes().contains("describe"));
	}

	@Test
	void aSpokenQuestionIsTranscribedAnsweredLocallyAndSpokenByTheWyomingVoice() throws Exception {
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			HttpResponse<String> response = upload();

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("command").asString()).isEqualTo("what time is it");
			assertThat(device.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
		}
		assertThat(speaker.plays()).hasSize(1);
		PcmAudio answer = Wav.decode(speaker.plays().get(0));
		assertThat(answer.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(answer.duration().toMillis()).isBetween(895L, 905L);
		assertThat(piper.received())
			.anySatisfy((event) -> assertThat(event.data().path("text").asString()).containsPattern("\\d"));
	}

	@Test
	void espeakSpeaksWhenTheWyomingVoiceIsDown() throws Exception {
		piper.script(FakeWyomingServer.Peer::resetConnection);
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			assertThat(upload().statusCode()).isEqualTo(200);
			assertThat(device.nextMessage()).isEqualTo("{\"cmd\":\"listen\"}");
		}
		assertThat(speaker.plays()).hasSize(1);
		PcmAudio answer = Wav.decode(speaker.plays().get(0));
		assertThat(answer.format()).isEqualTo(PcmFormat.SPEECH);
		// espeak-ng's own reading of the time, not the 900 ms Piper tone.
		assertThat(answer.duration().toMillis()).isNotCloseTo(900L, org.assertj.core.api.Assertions.within(5L));
	}

	@Test
	void aFailingSpeechToTextServiceIsABadGatewayAndTheDeviceIsNotLeftWaiting() throws Exception {
		whisper.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.send("error", "{\"text\": \"CUDA out of memory\"}", null);
		});
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			HttpResponse<String> response = upload();

			assertThat(response.statusCode()).isEqualTo(502);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json.readTree(response.body()).get("detail").asString())
				.contains("answered an error: CUDA out of memory");
			assertThat(device.pollMessage(Duration.ofSeconds(1))).isNull();
		}
		assertThat(speaker.plays()).isEmpty();
	}

	private HttpResponse<String> upload() throws Exception {
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 700, 300);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/internal/stt"))
			.header("x-audio-codec", "pcm")
			.header("x-audio-sample-rate", "16000")
			.header("x-audio-bits", "16")
			.header("x-audio-channel", "1")
			// Of unknown length: sent chunked, as the devices do.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(pcm)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}

package com.homemadealexa.speech;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.Devices;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.Model;
import com.homemadealexa.testsupport.CloudFakesTest.SpeechToText;
import com.homemadealexa.testsupport.CloudFakesTest.TextToSpeech;
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
@CloudFakesTest(language = "en-US", speechToText = SpeechToText.WYOMING, textToSpeech = TextToSpeech.WYOMING,
		model = Model.NONE, properties = "speech.timeout-seconds=10")
class OfflineTurnTest extends CloudFakesIntegrationTest {

	/** Hears "what time is it" after each reset. */
	static final FakeWyomingServer whisper = CloudFakes.wyomingSpeechToText();

	/** Piper's 22,050 Hz, 900 ms a sentence, after each reset. */
	static final FakeWyomingServer piper = CloudFakes.wyomingTextToSpeech();

	static final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Devices devices;

	@Test
	void describesTheServicesAtStartUp() {
		await().atMost(Duration.ofSeconds(10)).until(() -> whisper.receivedTypes().contains("describe"));
		await().atMost(Duration.ofSeconds(10)).until(() -> piper.receivedTypes().contains("describe"));
	}

	@Test
	void aSpokenQuestionIsTranscribedAnsweredLocallyAndSpokenByTheWyomingVoice() throws Exception {
		try (TestDevice device = connected("offline-kitchen")) {
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
		try (TestDevice device = connected("offline-hall")) {
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
		try (TestDevice device = connected("offline-attic")) {
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

	/**
	 * A device that said hello, once the server knows it: an upload that arrives first is
	 * from an unknown device, whose reply goes nowhere. Each test's device has its own
	 * name, so a connection of an earlier test, on its way out, cannot pass for it.
	 */
	private TestDevice connected(String hostname) {
		TestDevice device = TestDevice.connect(this.port).hello(hostname);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.devices.findByHostname(hostname).isPresent());
		return device;
	}

	private HttpResponse<String> upload() throws Exception {
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 700, 300);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/internal/stt")))
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

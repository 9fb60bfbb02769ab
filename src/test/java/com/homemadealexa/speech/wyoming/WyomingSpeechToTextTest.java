package com.homemadealexa.speech.wyoming;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.Transcription;
import com.homemadealexa.speech.WyomingSettings;
import com.homemadealexa.testsupport.FakeWyomingServer;
import com.homemadealexa.testsupport.FakeWyomingServer.Event;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The production Wyoming speech-to-text against a loopback service speaking the real
 * framing.
 */
class WyomingSpeechToTextTest {

	// Generous for a loaded machine; the timeout tests use their own short one.
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration SHORT = Duration.ofSeconds(1);

	private final byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 600, 300);

	private FakeWyomingServer service = FakeWyomingServer.start(FakeWyomingServer.transcriber("what time is it"));

	@AfterEach
	void stop() {
		this.service.close();
	}

	@Test
	void streamsEachPieceOfAudioAsItArrivesAndReadsTheTranscript() {
		String text;
		try (Transcription transcription = stt().start(PcmFormat.SPEECH)) {
			transcription.write(this.pcm, 0, 6400);
			// The service has the first chunk before the audio has ended.
			await().atMost(Duration.ofSeconds(5)).until(() -> this.service.receivedTypes().contains("audio-chunk"));
			transcription.write(this.pcm, 6400, this.pcm.length - 6400);
			text = transcription.finish();
		}

		assertThat(text).isEqualTo("what time is it");
		List<Event> events = this.service.received();
		assertThat(events).extracting(Event::type)
			.containsExactly("transcribe", "audio-start", "audio-chunk", "audio-chunk", "audio-stop");
		assertThat(events.get(0).data().path("language").asString()).isEqualTo("en");
		Event start = events.get(1);
		assertThat(start.data().path("rate").asInt()).isEqualTo(16000);
		assertThat(start.data().path("width").asInt()).isEqualTo(2);
		assertThat(start.data().path("channels").asInt()).isEqualTo(1);
		// Current peers send the data as its own segment, announced by data_length.
		assertThat(start.dataInline()).isFalse();
		assertThat(events.get(2).payload()).hasSize(6400);
		assertThat(events.get(3).payload()).hasSize(this.pcm.length - 6400);
		assertThat(events.get(3).data().path("rate").asInt()).isEqualTo(16000);
	}

	@Test
	void sendsTheConfiguredModelByName() {
		String text = transcribe(new WyomingSpeechToText(new WyomingSettings(this.service.url(), "large-v3", "", ""),
				Locale.forLanguageTag("pl-PL"), TIMEOUT));

		assertThat(text).isEqualTo("what time is it");
		Event transcribe = this.service.received().get(0);
		assertThat(transcribe.data().path("name").asString()).isEqualTo("large-v3");
		assertThat(transcribe.data().path("language").asString()).isEqualTo("pl");
	}

	@Test
	void readsDataInlineInTheHeaderAsOlderPeersSendIt() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.sendInline("transcript-start", "{}", null);
			peer.sendInline("transcript-chunk", "{\"text\": \"what\"}", null);
			peer.sendInline("transcript", "{\"text\": \" Która godzina? \"}", null);
			peer.drain();
		});

		assertThat(transcribe(stt())).isEqualTo("Która godzina?");
	}

	@Test
	void mergesTheDataSegmentOverInlineData() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			byte[] data = "{\"text\": \"from the segment\"}".getBytes();
			peer.raw(("{\"type\": \"transcript\", \"data\": {\"text\": \"inline\", \"language\": \"en\"}, "
					+ "\"data_length\": " + data.length + "}\n")
				.getBytes());
			peer.raw(data);
			peer.drain();
		});

		assertThat(transcribe(stt())).isEqualTo("from the segment");
	}

	@Test
	void convertsAudioOfAnotherWidthToSixteenKilohertzMonoAtTheEnd() {
		PcmFormat deep = new PcmFormat(48000, 24, 2);
		byte[] audio = TestWavs.tonePcm(deep, 500, 300);
		String text;
		try (Transcription transcription = stt().start(deep)) {
			transcription.write(audio, 0, audio.length);
			text = transcription.finish();
		}

		assertThat(text).isEqualTo("what time is it");
		Event start = this.service.received().get(1);
		assertThat(start.data().path("rate").asInt()).isEqualTo(16000);
		int sent = this.service.received()
			.stream()
			.filter((e) -> e.type().equals("audio-chunk"))
			.mapToInt((e) -> e.payload().length)
			.sum();
		assertThat(sent).isEqualTo(Wav.toSpeechPcm(audio, deep).length);
	}

	@Test
	void retriesOnceOnANewConnectionWithTheWholeRecordingWhenTheFirstIsReset() {
		AtomicInteger connection = new AtomicInteger();
		FakeWyomingServer.Script transcriber = FakeWyomingServer.transcriber("what time is it");
		this.service.script((peer) -> {
			if (connection.incrementAndGet() == 1) {
				peer.read();
				peer.resetConnection();
				return;
			}
			transcriber.run(peer);
		});

		assertThat(transcribe(stt())).isEqualTo("what time is it");
		assertThat(this.service.connections()).isEqualTo(2);
		int resent = this.service.received()
			.stream()
			.skip(1)
			.filter((e) -> e.type().equals("audio-chunk"))
			.mapToInt((e) -> e.payload().length)
			.sum();
		assertThat(resent).isEqualTo(this.pcm.length);
	}

	@Test
	void aRefusedConnectionIsTriedOnceMoreThenFails() throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		WyomingSpeechToText stt = new WyomingSpeechToText(new WyomingSettings("tcp://127.0.0.1:" + port, "", "", ""),
				Locale.US, TIMEOUT);

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt))
			.withMessageStartingWith("Wyoming speech-to-text at tcp://127.0.0.1:" + port + " is unreachable")
			.withMessageContaining("refused")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(1));
	}

	@Test
	void aServiceThatNeverAnswersTimesOutAndIsNotRetried() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.drain();
		});

		WyomingSpeechToText impatient = new WyomingSpeechToText(new WyomingSettings(this.service.url(), "", "", ""),
				Locale.US, SHORT);
		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(impatient))
			.withMessageContaining("timed out");
		assertThat(this.service.connections()).isEqualTo(1);
	}

	@Test
	void aServiceThatClosesBeforeAnsweringFailsWithoutARetry() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.closeConnection();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt()))
			.withMessageEndingWith("closed the connection before its answer was complete");
		assertThat(this.service.connections()).isEqualTo(1);
	}

	@Test
	void aServiceThatClosesInTheMiddleOfAnEventFails() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.raw("{\"type\": \"transcript\", \"data_length\": 100}\n{\"text\":".getBytes());
			peer.closeConnection();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt()))
			.withMessageContaining("closed the connection in the middle of an event");
	}

	@Test
	void anEventOutOfOrderFails() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.send("audio-chunk", "{\"rate\": 16000, \"width\": 2, \"channels\": 1}", new byte[320]);
			peer.drain();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt()))
			.withMessageContaining("'audio-chunk' out of order (expected transcript)");
	}

	@Test
	void anErrorEventFailsWithTheServicesText() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.send("error", "{\"text\": \"model not loaded\", \"code\": \"no-model\"}", null);
			peer.drain();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt()))
			.withMessageEndingWith("answered an error: model not loaded (no-model)");
	}

	@Test
	void somethingThatIsNotWyomingFails() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.raw("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
			peer.drain();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt()))
			.withMessageContaining("sent an event header that is not JSON");
	}

	@Test
	void refusesAnOversizedPayloadWithoutReadingIt() {
		this.service.script((peer) -> {
			peer.readUntil("audio-stop");
			peer.raw("{\"type\": \"transcript\", \"payload_length\": 2000000000}\n".getBytes());
			peer.drain();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> transcribe(stt()))
			.withMessageContaining("payload_length of 2000000000 bytes");
	}

	private WyomingSpeechToText stt() {
		return new WyomingSpeechToText(new WyomingSettings(this.service.url(), "", "", ""), Locale.US, TIMEOUT);
	}

	private String transcribe(WyomingSpeechToText stt) {
		try (Transcription transcription = stt.start(PcmFormat.SPEECH)) {
			transcription.write(this.pcm, 0, this.pcm.length);
			return transcription.finish();
		}
	}

}

package com.homemadealexa.speech.wyoming;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.WyomingSettings;
import com.homemadealexa.testsupport.FakeWyomingServer;
import com.homemadealexa.testsupport.FakeWyomingServer.Event;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The production Wyoming voice against a loopback Piper speaking the real framing.
 */
class WyomingTextToSpeechTest {

	// Generous for a loaded machine; the timeout tests use their own short one.
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration SHORT = Duration.ofSeconds(1);

	private static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	private final FakeWyomingServer piper = FakeWyomingServer.start(FakeWyomingServer.piper(22050, 700));

	@AfterEach
	void stop() {
		this.piper.close();
	}

	@Test
	void convertsPipersVoiceToTheSpeechFormat() {
		byte[] wav = tts("").synthesize("Jest dwunasta.", POLISH);

		PcmAudio audio = Wav.decode(wav);
		assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(audio.duration().toMillis()).isCloseTo(700, within(2L));
		// The tone survives the 22,050 -> 16,000 Hz conversion at full strength.
		assertThat(TestWavs.rms(audio.data())).isCloseTo(TestWavs.AMPLITUDE / Math.sqrt(2), within(0.02));
		Event synthesize = this.piper.received().get(0);
		assertThat(synthesize.type()).isEqualTo("synthesize");
		assertThat(synthesize.data().path("text").asString()).isEqualTo("Jest dwunasta.");
		assertThat(synthesize.data().path("voice").path("language").asString()).isEqualTo("pl");
	}

	@Test
	void asksForTheConfiguredVoiceByName() {
		tts("pl_PL-gosia-medium").synthesize("Cześć", POLISH);

		assertThat(this.piper.received().get(0).data().path("voice").path("name").asString())
			.isEqualTo("pl_PL-gosia-medium");
	}

	@Test
	void readsInlineDataAndSkipsEventsItDoesNotKnow() {
		this.piper.script((peer) -> {
			peer.read();
			String format = "{\"rate\": 16000, \"width\": 2, \"channels\": 1}";
			peer.sendInline("audio-start", format, null);
			peer.send("ping", "{\"text\": \"later protocol versions\"}", null);
			peer.sendInline("audio-chunk", format, TestWavs.tonePcm(PcmFormat.SPEECH, 250, 300));
			peer.sendInline("audio-stop", "{}", null);
			peer.drain();
		});

		assertThat(Wav.duration(tts("").synthesize("Hi", Locale.US))).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void retriesOnceWhenTheFirstConnectionIsReset() {
		AtomicInteger connection = new AtomicInteger();
		FakeWyomingServer.Script piper = FakeWyomingServer.piper(22050, 300);
		this.piper.script((peer) -> {
			if (connection.incrementAndGet() == 1) {
				peer.read();
				peer.resetConnection();
				return;
			}
			piper.run(peer);
		});

		assertThat(Wav.duration(tts("").synthesize("Hi", Locale.US)).toMillis()).isCloseTo(300, within(2L));
		assertThat(this.piper.connections()).isEqualTo(2);
	}

	@Test
	void aRefusedConnectionFailsAfterOneRetry() throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		WyomingTextToSpeech tts = new WyomingTextToSpeech(new WyomingSettings("", "", "tcp://127.0.0.1:" + port, ""),
				TIMEOUT);

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts.synthesize("Hi", Locale.US))
			.withMessageStartingWith("Wyoming text-to-speech at tcp://127.0.0.1:" + port + " is unreachable")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(1));
	}

	@Test
	void aChunkBeforeAudioStartIsOutOfOrder() {
		this.piper.script((peer) -> {
			peer.read();
			peer.send("audio-chunk", "{\"rate\": 22050, \"width\": 2, \"channels\": 1}", new byte[441]);
			peer.drain();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hi", Locale.US))
			.withMessageContaining("'audio-chunk' out of order (expected audio-start)");
	}

	@Test
	void aTranscriptIsOutOfOrder() {
		this.piper.script((peer) -> {
			peer.read();
			peer.send("transcript", "{\"text\": \"wrong service\"}", null);
			peer.drain();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hi", Locale.US))
			.withMessageContaining("'transcript' out of order");
	}

	@Test
	void aServiceThatClosesMidStreamFailsWithoutARetry() {
		this.piper.script((peer) -> {
			peer.read();
			String format = "{\"rate\": 22050, \"width\": 2, \"channels\": 1}";
			peer.send("audio-start", format, null);
			peer.send("audio-chunk", format, new byte[2048]);
			peer.closeConnection();
		});

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hi", Locale.US))
			.withMessageEndingWith("closed the connection before its answer was complete");
		assertThat(this.piper.connections()).isEqualTo(1);
	}

	@Test
	void aServiceThatNeverAnswersTimesOut() {
		this.piper.script(FakeWyomingServer.Peer::drain);
		WyomingTextToSpeech impatient = new WyomingTextToSpeech(new WyomingSettings("", "", this.piper.url(), ""),
				SHORT);

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> impatient.synthesize("Hi", Locale.US))
			.withMessageContaining("timed out");
		assertThat(this.piper.connections()).isEqualTo(1);
	}

	@Test
	void anErrorEventAndAnUnusableFormatFail() {
		this.piper.script((peer) -> {
			peer.read();
			peer.send("error", "{\"text\": \"no voice pl_XX\"}", null);
			peer.drain();
		});
		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hi", Locale.US))
			.withMessageEndingWith("answered an error: no voice pl_XX");

		this.piper.script((peer) -> {
			peer.read();
			peer.send("audio-start", "{\"rate\": 0, \"width\": 2, \"channels\": 1}", null);
			peer.drain();
		});
		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hi", Locale.US))
			.withMessageContaining("unusable format");
	}

	private WyomingTextToSpeech tts(String voice) {
		return new WyomingTextToSpeech(new WyomingSettings("", "", this.piper.url(), voice), TIMEOUT);
	}

}

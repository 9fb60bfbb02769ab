package com.homemadealexa.audio;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.FakeAudioServer.Kind;
import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;

class AudioServerClientTest {

	private final FakeAudioServer speaker = FakeAudioServer.start();

	@AfterEach
	void stopSpeaker() {
		this.speaker.close();
	}

	@Test
	void postsTheWavToPlay() {
		byte[] wav = TestWavs.speech(200);

		boolean accepted = client(this.speaker.url()).play(wav);

		assertThat(accepted).isTrue();
		assertThat(this.speaker.plays()).singleElement().isEqualTo(wav);
		assertThat(this.speaker.requests().get(0).contentType()).isEqualTo("audio/wav");
	}

	@Test
	void asksToAbortAndKeepsTheOrderOfRequests() {
		AudioServerClient client = client(this.speaker.url() + "/");

		assertThat(client.abort()).isTrue();
		assertThat(client.play(TestWavs.speech(50))).isTrue();
		assertThat(client.abort()).isTrue();

		assertThat(this.speaker.kinds()).containsExactly(Kind.ABORT, Kind.PLAY, Kind.ABORT);
		assertThat(this.speaker.aborts()).isEqualTo(2);
	}

	@Test
	void answersFalseWhenTheServerRefuses() {
		this.speaker.failWith(500);

		AudioServerClient client = client(this.speaker.url());

		assertThat(client.play(TestWavs.speech(50))).isFalse();
		assertThat(client.abort()).isFalse();
	}

	@Test
	void answersFalseWhenTheServerIsDown() {
		String url = this.speaker.url();
		this.speaker.close();

		AudioServerClient client = client(url);

		assertThat(client.play(TestWavs.speech(50))).isFalse();
		assertThat(client.abort()).isFalse();
	}

	@Test
	void givesUpAfterTheTimeout() {
		this.speaker.delayBy(Duration.ofSeconds(10));
		AudioServerClient client = client(this.speaker.url());

		long started = System.nanoTime();
		boolean accepted = client.play(TestWavs.speech(50));

		assertThat(accepted).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void sendsNothingWithoutAUrl() {
		AudioServerClient client = new AudioServerClient(new AudioServerSettings("", 1));

		assertThat(client.play(TestWavs.speech(50))).isFalse();
		assertThat(client.abort()).isFalse();
		assertThat(this.speaker.requests()).isEmpty();
	}

	@Test
	void sendsTheWavUnchanged() {
		byte[] stereo = TestWavs.tone(new PcmFormat(44100, 16, 2), 100, 440);

		client(this.speaker.url()).play(stereo);

		assertThat(Arrays.equals(this.speaker.plays().get(0), stereo)).isTrue();
	}

	private static AudioServerClient client(String url) {
		return new AudioServerClient(new AudioServerSettings(url, 1));
	}

}

package com.homemadealexa.audio;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.homemadealexa.testsupport.FakeAudioServer;
import com.homemadealexa.testsupport.FakeAudioServer.Kind;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The speaker's owner against the audio server fake, through the real HTTP client: what
 * reaches {@code /api/play} and {@code /api/abort}, in which order.
 */
class SpeakerTest {

	static final Duration LONG = Duration.ofMinutes(1);

	static final byte[] SENTENCE_1 = TestWavs.tone(PcmFormat.SPEECH, 150, 300);

	static final byte[] SENTENCE_2 = TestWavs.tone(PcmFormat.SPEECH, 150, 400);

	static final byte[] REMINDER = TestWavs.tone(PcmFormat.SPEECH, 100, 500);

	static final byte[] CHIME = TestWavs.tone(PcmFormat.SPEECH, 50, 900);

	final FakeAudioServer audioServer = FakeAudioServer.start();

	Speaker speaker;

	Speaker speaker(int limit, Duration maxWait, Duration listenWindow) {
		this.speaker = new Speaker(new AudioServerClient(new AudioServerSettings(this.audioServer.url(), 2)),
				Clock.systemUTC(), new SpeakerQueue(limit, maxWait, listenWindow));
		return this.speaker;
	}

	@AfterEach
	void stop() {
		if (this.speaker != null) {
			this.speaker.destroy();
		}
		this.audioServer.close();
	}

	@Test
	void aReminderThatFallsDueDuringAnAnswerIsSaidAfterItsLastSentence() {
		Speaker speaker = speaker(10, LONG, LONG);
		try (Speaker.Hold answer = speaker.hold("u-1")) {
			assertThat(answer.play(SENTENCE_1)).isTrue();
			assertThat(speaker.announce("Reminder 1", REMINDER)).isTrue();
			assertThat(answer.play(SENTENCE_2)).isTrue();

			assertThat(answer.announceWaiting()).isTrue();
		}

		assertThat(this.audioServer.plays()).containsExactly(SENTENCE_1, SENTENCE_2, REMINDER);
	}

	@Test
	void aReminderIsSaidAtOnceWhenNoAnswerHoldsTheSpeaker() {
		Speaker speaker = speaker(10, LONG, LONG);

		speaker.announce("Reminder 1", REMINDER);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.plays().size() == 1);
		assertThat(this.audioServer.plays()).containsExactly(REMINDER);
	}

	@Test
	void aWakeWordAbortsAndChimesAtOnceAndTheWaitingReminderIsSaidByTheNextAnswer() {
		Speaker speaker = speaker(10, LONG, LONG);
		Speaker.Hold interrupted = speaker.hold("u-1");
		assertThat(interrupted.play(TestWavs.tone(PcmFormat.SPEECH, 3000, 300))).isTrue();
		speaker.announce("Reminder 1", REMINDER);

		speaker.interrupt(CHIME);

		assertThat(this.audioServer.kinds()).containsExactly(Kind.PLAY, Kind.ABORT, Kind.PLAY);
		assertThat(this.audioServer.plays().get(1)).isEqualTo(CHIME);
		assertThat(interrupted.play(SENTENCE_1)).isFalse();
		assertThat(interrupted.announceWaiting()).isFalse();
		interrupted.close();
		try (Speaker.Hold next = speaker.hold("u-2")) {
			assertThat(next.play(SENTENCE_2)).isTrue();
			assertThat(next.announceWaiting()).isTrue();
		}
		assertThat(this.audioServer.plays().subList(1, 4)).containsExactly(CHIME, SENTENCE_2, REMINDER);
	}

	@Test
	void aWakeWordDoesNotWaitBehindASlowPlay() throws Exception {
		this.speaker = new Speaker(new AudioServerClient(new AudioServerSettings(this.audioServer.url(), 10)),
				Clock.systemUTC(), new SpeakerQueue(10, LONG, LONG));
		Speaker.Hold answer = this.speaker.hold("u-1");
		this.audioServer.delayBy(Duration.ofSeconds(20));
		Thread slowPlay = Thread.ofVirtual().start(() -> answer.play(SENTENCE_1));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.plays().size() == 1);

		Thread.ofVirtual().start(() -> this.speaker.interrupt(CHIME));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.aborts() == 1);
		assertThat(slowPlay.isAlive()).as("the play's call is still waiting for the audio server").isTrue();
		this.audioServer.reset();
		slowPlay.join();
	}

	@Test
	void withoutAnAnswerAfterTheWakeWordTheReminderIsSaidWhenTheListenWindowEnds() {
		Speaker speaker = speaker(10, LONG, Duration.ofMillis(300));

		speaker.interrupt(CHIME);
		speaker.announce("Reminder 1", REMINDER);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.plays().size() == 2);
		assertThat(this.audioServer.kinds()).containsExactly(Kind.ABORT, Kind.PLAY, Kind.PLAY);
		assertThat(this.audioServer.plays()).containsExactly(CHIME, REMINDER);
	}

	@Test
	void aReminderCutByAWakeWordIsSaidAgain() {
		Speaker speaker = speaker(10, LONG, Duration.ofMillis(300));
		byte[] longReminder = TestWavs.tone(PcmFormat.SPEECH, 3000, 500);
		speaker.announce("Reminder 1", longReminder);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.plays().size() == 1);

		speaker.interrupt(CHIME);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.plays().size() == 3);
		assertThat(this.audioServer.kinds()).containsExactly(Kind.PLAY, Kind.ABORT, Kind.PLAY, Kind.PLAY);
		assertThat(this.audioServer.plays()).containsExactly(longReminder, CHIME, longReminder);
	}

	@Test
	void aReminderThatWaitedTooLongIsSaidEvenThoughAnAnswerStillHoldsTheSpeaker() {
		Speaker speaker = speaker(10, Duration.ofMillis(300), LONG);
		try (Speaker.Hold stuck = speaker.hold("u-1")) {
			assertThat(stuck.play(SENTENCE_1)).isTrue();
			speaker.announce("Reminder 1", REMINDER);

			await().atMost(Duration.ofSeconds(5)).until(() -> this.audioServer.plays().size() == 2);
			assertThat(stuck.play(SENTENCE_2)).isTrue();
		}

		assertThat(this.audioServer.plays()).containsExactly(SENTENCE_1, REMINDER, SENTENCE_2);
	}

	@Test
	void beyondTheLimitFurtherRemindersAreRefused() {
		Speaker speaker = speaker(2, LONG, LONG);
		try (Speaker.Hold answer = speaker.hold("u-1")) {
			assertThat(speaker.announce("Reminder 1", REMINDER)).isTrue();
			assertThat(speaker.announce("Reminder 2", REMINDER)).isTrue();

			assertThat(speaker.announce("Reminder 3", REMINDER)).isFalse();
			assertThat(answer.announceWaiting()).isTrue();
		}
		assertThat(this.audioServer.plays()).hasSize(2);
	}

	@Test
	void aNewerAnswerTakesTheSpeakerFromTheOlderOne() {
		Speaker speaker = speaker(10, LONG, LONG);
		Speaker.Hold older = speaker.hold("u-1");
		assertThat(older.play(TestWavs.tone(PcmFormat.SPEECH, 3000, 300))).isTrue();

		try (Speaker.Hold newer = speaker.hold("u-2")) {
			assertThat(newer.play(SENTENCE_1)).isTrue();
			assertThat(older.play(SENTENCE_2)).isFalse();
		}
		older.close();
		assertThat(this.audioServer.plays()).hasSize(2).last().isEqualTo(SENTENCE_1);
	}

	@Test
	void theAbortRouteStopsTheSoundAndKeepsTheHold() {
		Speaker speaker = speaker(10, LONG, LONG);
		try (Speaker.Hold answer = speaker.hold("u-1")) {
			assertThat(answer.play(TestWavs.tone(PcmFormat.SPEECH, 3000, 300))).isTrue();

			assertThat(speaker.abort()).isTrue();

			assertThat(answer.play(SENTENCE_1)).isTrue();
		}
		assertThat(this.audioServer.kinds()).isEqualTo(List.of(Kind.PLAY, Kind.ABORT, Kind.PLAY));
	}

}

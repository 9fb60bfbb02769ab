package com.homemadealexa.audio;

import java.time.Duration;
import java.time.Instant;

import com.homemadealexa.audio.SpeakerQueue.Announcement;
import com.homemadealexa.audio.SpeakerQueue.Interruption;
import com.homemadealexa.audio.SpeakerQueue.Next;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speaker's ordering rules, on plain instants.
 */
class SpeakerQueueTest {

	static final Duration MAX_WAIT = Duration.ofSeconds(120);

	static final Duration LISTEN = Duration.ofSeconds(15);

	static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

	final SpeakerQueue queue = new SpeakerQueue(3, MAX_WAIT, LISTEN);

	static Announcement reminder(String name, Instant at) {
		return new Announcement(name, new byte[0], at, false);
	}

	static Instant at(int seconds) {
		return T0.plusSeconds(seconds);
	}

	@Test
	void anAnnouncementIsSaidAtOnceWhenTheSpeakerIsFree() {
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);

		assertThat(this.queue.next(T0)).isEqualTo(new Next.Say(due, false));
	}

	@Test
	void anAnnouncementWaitsForTheSoundThatIsPlaying() {
		this.queue.starting(null, T0, Duration.ofSeconds(3));
		Announcement due = reminder("Reminder 1", at(1));
		this.queue.offer(due);

		assertThat(this.queue.next(at(1))).isEqualTo(new Next.WaitUntil(at(3)));
		assertThat(this.queue.next(at(3))).isEqualTo(new Next.Say(due, false));
	}

	@Test
	void anAnnouncementWaitsWhileAnAnswerHoldsTheSpeakerAndIsSaidWhenItEnds() {
		long answer = this.queue.hold();
		Announcement due = reminder("Reminder 1", at(1));
		this.queue.offer(due);

		assertThat(this.queue.next(at(2))).isEqualTo(new Next.WaitUntil(at(1).plus(MAX_WAIT)));
		this.queue.release(answer, at(5), false);
		assertThat(this.queue.next(at(5))).isEqualTo(new Next.Say(due, false));
	}

	@Test
	void anAnnouncementThatWaitedTooLongIsSaidAtTheNextGapDespiteTheHold() {
		this.queue.hold();
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);
		Instant overdue = T0.plus(MAX_WAIT);
		this.queue.starting(null, overdue.minusSeconds(1), Duration.ofSeconds(2));

		assertThat(this.queue.next(overdue)).isEqualTo(new Next.WaitUntil(overdue.plusSeconds(1)));
		assertThat(this.queue.next(overdue.plusSeconds(1))).isEqualTo(new Next.Say(due, true));
	}

	@Test
	void announcementsAreSaidInTheOrderTheyCameAndAtMostTheLimitWait() {
		Announcement first = reminder("Reminder 1", T0);
		Announcement second = reminder("Reminder 2", T0);
		Announcement third = reminder("Reminder 3", T0);
		assertThat(this.queue.offer(first)).isTrue();
		assertThat(this.queue.offer(second)).isTrue();
		assertThat(this.queue.offer(third)).isTrue();

		assertThat(this.queue.offer(reminder("Reminder 4", T0))).isFalse();
		assertThat(this.queue.take()).isSameAs(first);
		assertThat(this.queue.take()).isSameAs(second);
		assertThat(this.queue.take()).isSameAs(third);
		assertThat(this.queue.take()).isNull();
	}

	@Test
	void aWakeWordRevokesTheHoldAndKeepsAnnouncementsBackWhileTheDeviceListens() {
		long answer = this.queue.hold();
		this.queue.starting(null, T0, Duration.ofSeconds(3));
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);

		Interruption interruption = this.queue.interrupt(at(1));

		assertThat(interruption).isEqualTo(new Interruption(answer, null, null));
		assertThat(this.queue.holds(answer)).isFalse();
		assertThat(this.queue.busy(at(1))).isFalse();
		assertThat(this.queue.next(at(1))).isEqualTo(new Next.WaitUntil(at(1).plus(LISTEN)));
		assertThat(this.queue.next(at(1).plus(LISTEN))).isEqualTo(new Next.Say(due, false));
	}

	@Test
	void theNextAnswerAfterAWakeWordSaysTheWaitingAnnouncement() {
		this.queue.hold();
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);
		this.queue.interrupt(at(1));

		long next = this.queue.hold();

		assertThat(this.queue.next(at(5))).isEqualTo(new Next.WaitUntil(T0.plus(MAX_WAIT)));
		assertThat(this.queue.holds(next)).isTrue();
		assertThat(this.queue.take()).isSameAs(due);
	}

	@Test
	void anAnnouncementCutByAWakeWordIsSaidAgainOnceThenDropped() {
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);
		this.queue.starting(this.queue.take(), T0, Duration.ofSeconds(3));

		Interruption first = this.queue.interrupt(at(1));

		assertThat(first.requeued()).isSameAs(due);
		Announcement again = this.queue.take();
		assertThat(again).isEqualTo(due.again());
		this.queue.starting(again, at(20), Duration.ofSeconds(3));
		Interruption second = this.queue.interrupt(at(21));
		assertThat(second.dropped()).isEqualTo(again);
		assertThat(second.requeued()).isNull();
		assertThat(this.queue.waiting()).isZero();
	}

	@Test
	void anAnnouncementThatHasPlayedOutIsNotSaidAgainAfterAWakeWord() {
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);
		this.queue.starting(this.queue.take(), T0, Duration.ofSeconds(3));

		assertThat(this.queue.interrupt(at(4))).isEqualTo(new Interruption(0, null, null));
		assertThat(this.queue.waiting()).isZero();
	}

	@Test
	void afterListenTheSpeakerStaysQuietForTheListenWindow() {
		long answer = this.queue.hold();
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);

		this.queue.release(answer, at(2), true);

		assertThat(this.queue.next(at(2))).isEqualTo(new Next.WaitUntil(at(2).plus(LISTEN)));
		assertThat(this.queue.next(at(2).plus(LISTEN))).isEqualTo(new Next.Say(due, false));
	}

	@Test
	void aNewerAnswerCutsTheOlderAnswersSentenceButNotAnAnnouncement() {
		long older = this.queue.hold();
		this.queue.starting(null, T0, Duration.ofSeconds(3));
		long newer = this.queue.hold();
		assertThat(this.queue.holds(older)).isFalse();
		assertThat(this.queue.busy(at(1))).isFalse();

		this.queue.starting(reminder("Reminder 1", T0), at(1), Duration.ofSeconds(3));
		this.queue.hold();
		assertThat(this.queue.holds(newer)).isFalse();
		assertThat(this.queue.busy(at(2))).isTrue();
	}

	@Test
	void aStaleHoldCannotReleaseTheNewerOne() {
		long older = this.queue.hold();
		long newer = this.queue.hold();

		this.queue.release(older, T0, false);

		assertThat(this.queue.holds(newer)).isTrue();
	}

	@Test
	void anAbortStopsTheAnnouncementWithoutSayingItAgain() {
		Announcement due = reminder("Reminder 1", T0);
		this.queue.offer(due);
		this.queue.starting(this.queue.take(), T0, Duration.ofSeconds(3));

		assertThat(this.queue.abort(at(1))).isSameAs(due);
		assertThat(this.queue.waiting()).isZero();
		assertThat(this.queue.busy(at(1))).isFalse();
	}

}

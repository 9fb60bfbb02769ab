package com.homemadealexa.audio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The speaker's ordering rules as plain state, without threads, I/O or a clock (every
 * method is told "now"): who holds the speaker, until when it is busy or must stay quiet,
 * and which announcements wait. Not thread-safe: {@link Speaker} guards it with its lock.
 *
 * <ul>
 * <li>An answer <em>holds</em> the speaker; a newer hold revokes the older one.</li>
 * <li>Announcements wait, in the order they came, while the speaker is busy (a sound
 * still playing), held, or quiet (the device listens after a wake word or a
 * {@code listen}); the holder says them itself when its answer has played out.</li>
 * <li>An announcement that waited {@code maxWait} is said at the next gap even though the
 * speaker is held or quiet: a stuck answer does not keep it forever.</li>
 * <li>At most {@code limit} wait; a further one is refused.</li>
 * <li>A wake word revokes the hold, makes the speaker quiet for {@code listenWindow}, and
 * puts an announcement it cut back at the head of the queue, once.</li>
 * </ul>
 */
final class SpeakerQueue {

	/**
	 * Something to say when the speaker is free.
	 *
	 * @param name what it is, for log lines (e.g. {@code reminder 42})
	 * @param wav the audio
	 * @param queuedAt when it started waiting
	 * @param repeated whether a wake word already cut it once
	 */
	record Announcement(String name, byte[] wav, Instant queuedAt, boolean repeated) {

		Announcement again() {
			return new Announcement(this.name, this.wav, this.queuedAt, true);
		}

	}

	/** What the free-speaker announcer should do next. */
	sealed interface Next {

		/** Say the head of the queue now; {@code overdue} when it no longer waits. */
		record Say(Announcement announcement, boolean overdue) implements Next {

		}

		/** Nothing can be said before this instant (unless something changes). */
		record WaitUntil(Instant at) implements Next {

		}

		/** Nothing is waiting. */
		record Nothing() implements Next {

		}

	}

	/**
	 * What a wake word did to what was playing.
	 *
	 * @param revokedHold the hold it took away, or 0
	 * @param requeued the announcement it cut and put back at the head, or null
	 * @param dropped the announcement it cut for the second time, or null
	 */
	record Interruption(long revokedHold, @Nullable Announcement requeued, @Nullable Announcement dropped) {

	}

	private final int limit;

	private final Duration maxWait;

	private final Duration listenWindow;

	private final Deque<Announcement> waiting = new ArrayDeque<>();

	private long holder;

	private long lastHold;

	private Instant busyUntil = Instant.EPOCH;

	private Instant quietUntil = Instant.EPOCH;

	private @Nullable Announcement playing;

	private long sounds;

	SpeakerQueue(int limit, Duration maxWait, Duration listenWindow) {
		this.limit = limit;
		this.maxWait = maxWait;
		this.listenWindow = listenWindow;
	}

	int limit() {
		return this.limit;
	}

	Duration maxWait() {
		return this.maxWait;
	}

	/**
	 * Gives the speaker to a new answer, taking it from any earlier one; the newer answer
	 * may cut the earlier one's sentence at once (not an announcement).
	 * @return the new hold's id (never 0)
	 */
	long hold() {
		if (this.holder != 0 && this.playing == null) {
			this.busyUntil = Instant.EPOCH;
		}
		this.holder = ++this.lastHold;
		this.quietUntil = Instant.EPOCH;
		return this.holder;
	}

	/** The current holder's id, or 0. */
	long holder() {
		return this.holder;
	}

	boolean holds(long hold) {
		return hold != 0 && this.holder == hold;
	}

	/**
	 * Ends a hold (if it is still current). When the device was told to listen, the
	 * speaker stays quiet for the listen window.
	 */
	void release(long hold, Instant now, boolean listening) {
		if (holds(hold)) {
			this.holder = 0;
			this.quietUntil = listening ? now.plus(this.listenWindow) : Instant.EPOCH;
		}
	}

	/**
	 * @return whether it was queued; false when {@code limit} already wait
	 */
	boolean offer(Announcement announcement) {
		if (this.waiting.size() >= this.limit) {
			return false;
		}
		this.waiting.addLast(announcement);
		return true;
	}

	int waiting() {
		return this.waiting.size();
	}

	/**
	 * What the announcer (which holds nothing) may do at {@code now}; does not change
	 * state.
	 */
	Next next(Instant now) {
		Announcement head = this.waiting.peekFirst();
		if (head == null) {
			return new Next.Nothing();
		}
		if (now.isBefore(this.busyUntil)) {
			return new Next.WaitUntil(this.busyUntil);
		}
		boolean free = this.holder == 0 && !now.isBefore(this.quietUntil);
		if (free) {
			return new Next.Say(head, false);
		}
		Instant overdueAt = head.queuedAt().plus(this.maxWait);
		if (!now.isBefore(overdueAt)) {
			return new Next.Say(head, true);
		}
		if (this.holder == 0 && this.quietUntil.isBefore(overdueAt)) {
			return new Next.WaitUntil(this.quietUntil);
		}
		return new Next.WaitUntil(overdueAt);
	}

	/** Removes and returns the head of the queue, or null. */
	@Nullable Announcement take() {
		return this.waiting.pollFirst();
	}

	/** Whether something still plays at {@code now}. */
	boolean busy(Instant now) {
		return now.isBefore(this.busyUntil);
	}

	/**
	 * When the last sound handed to the audio server ends (estimated from its length).
	 */
	Instant busyUntil() {
		return this.busyUntil;
	}

	/**
	 * A sound is being handed to the audio server; it plays from {@code now} for
	 * {@code length}.
	 * @param announcement the announcement it is, or null for an answer or a chime
	 */
	long starting(@Nullable Announcement announcement, Instant now, Duration length) {
		this.playing = announcement;
		this.busyUntil = now.plus(length);
		return ++this.sounds;
	}

	/**
	 * The audio server refused a sound: nothing plays, unless another sound (a wake
	 * word's chime) was started meanwhile.
	 * @param sound what {@link #starting} returned for it
	 */
	void refused(long sound, Instant now) {
		if (sound == this.sounds) {
			this.playing = null;
			this.busyUntil = now;
		}
	}

	/**
	 * A wake word: revokes the hold, stops what plays (an announcement cut for the first
	 * time goes back to the head of the queue) and keeps the speaker quiet while the
	 * device listens.
	 */
	Interruption interrupt(Instant now) {
		long revoked = this.holder;
		this.holder = 0;
		this.quietUntil = now.plus(this.listenWindow);
		Announcement cut = cut(now);
		if (cut == null) {
			return new Interruption(revoked, null, null);
		}
		if (cut.repeated()) {
			return new Interruption(revoked, null, cut);
		}
		this.waiting.addFirst(cut.again());
		return new Interruption(revoked, cut, null);
	}

	/**
	 * An explicit abort (the admin route): stops what plays; holds and the queue stay.
	 * @return the announcement it cut (not said again), or null
	 */
	@Nullable Announcement abort(Instant now) {
		return cut(now);
	}

	/** Empties the queue (shutdown). */
	List<Announcement> drain() {
		List<Announcement> left = List.copyOf(this.waiting);
		this.waiting.clear();
		return left;
	}

	private @Nullable Announcement cut(Instant now) {
		Announcement cut = busy(now) ? this.playing : null;
		this.playing = null;
		this.busyUntil = now;
		return cut;
	}

}

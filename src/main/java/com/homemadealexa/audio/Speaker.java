package com.homemadealexa.audio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.homemadealexa.audio.SpeakerQueue.Announcement;
import com.homemadealexa.audio.SpeakerQueue.Interruption;
import com.homemadealexa.audio.SpeakerQueue.Next;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one owner of the speaker (the household's audio server): answers, chimes, aborts
 * and announcements all go through it, and it orders them. The audio server plays one WAV
 * at a time and a new one cuts the old, so the owner keeps the one estimate of when the
 * current sound ends (its WAV's length from the moment it was handed over) and never
 * hands over a sound before that, except on a wake word or an abort.
 *
 * <ul>
 * <li>An answer takes a {@link Hold} for as long as it speaks; a newer hold revokes an
 * older one (its further sounds are refused).</li>
 * <li>An {@linkplain #announce announcement} (a due reminder) waits while the speaker is
 * held, busy, or quiet because a device listens; the holder says waiting announcements
 * after its answer ({@link Hold#announceWaiting}). Otherwise a virtual thread of the
 * owner says them as soon as the speaker is free.</li>
 * <li>At most {@value #MAX_WAITING} announcements wait; one that waited {@link #MAX_WAIT}
 * is said at the next gap between two sounds even if the speaker is held or quiet.</li>
 * <li>A {@linkplain #interrupt wake word} aborts at once, plays the start chime, revokes
 * the hold and keeps announcements back for {@link #LISTEN_WINDOW} (the next answer says
 * them); an announcement it cut is said again once.</li>
 * </ul>
 * Thread-safe. No method throws; waits end early on a wake word and are bounded by the
 * length of the sound playing and {@link AudioOutput}'s own time limit.
 */
@Component
public class Speaker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Speaker.class);

	/**
	 * Announcements that may wait for the speaker: enough for every reminder that fell
	 * due while the server was down (a few seconds of speech each, about 100 KB), small
	 * enough that the queue stays a few megabytes.
	 */
	public static final int MAX_WAITING = 100;

	/** The longest an announcement waits for an answer or a listening device. */
	public static final Duration MAX_WAIT = Duration.ofMinutes(2);

	/**
	 * How long the speaker keeps quiet for a device that listens (after a wake word or
	 * {@code listen}): the firmware's 10 s wake-up time plus a 5 s recording.
	 */
	public static final Duration LISTEN_WINDOW = Duration.ofSeconds(15);

	private final AudioOutput output;

	private final Clock clock;

	private final SpeakerQueue queue;

	/**
	 * Taken for every sound handed to the audio server, so sounds reach it in the decided
	 * order: each checks, holding it, that it may still play.
	 */
	private final ReentrantLock wire = new ReentrantLock(true);

	/**
	 * Taken by wake words and aborts instead of {@link #wire}: they must not wait behind
	 * a sound whose call is slow (up to {@code audio_server.timeout_seconds}). A sound
	 * already sent when they come is stopped by their abort; any later one sees the
	 * revoked hold or the quiet speaker and is not sent.
	 */
	private final ReentrantLock urgent = new ReentrantLock(true);

	/**
	 * Guards {@link #queue}; never held while waiting for {@link #wire} or
	 * {@link #urgent}.
	 */
	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Thread announcer;

	@Autowired
	public Speaker(AudioOutput output, Clock clock) {
		this(output, clock, new SpeakerQueue(MAX_WAITING, MAX_WAIT, LISTEN_WINDOW));
	}

	Speaker(AudioOutput output, Clock clock, SpeakerQueue queue) {
		this.output = output;
		this.clock = clock;
		this.queue = queue;
		this.announcer = Thread.ofVirtual().name("speaker-announcements").start(this::announceWhenFree);
	}

	/**
	 * Gives the speaker to an answer until the hold is closed, revoked by a newer hold,
	 * or interrupted by a wake word. Returns at once.
	 * @param name what holds it, for log lines (the utterance id)
	 */
	public Hold hold(String name) {
		long revoked;
		long id;
		this.lock.lock();
		try {
			revoked = this.queue.holder();
			id = this.queue.hold();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (revoked != 0) {
			log.info("Utterance {} takes the speaker from an earlier answer, which is not played further", name);
		}
		return new Hold(id, name);
	}

	/**
	 * Queues an announcement to be said when the speaker is free; returns at once.
	 * @param name what it is, for log lines (e.g. {@code Reminder 42})
	 * @param wav a complete WAV
	 * @return whether it was queued; false (and a log line) when {@value #MAX_WAITING}
	 * already wait
	 */
	public boolean announce(String name, byte[] wav) {
		boolean queued;
		this.lock.lock();
		try {
			queued = this.queue.offer(new Announcement(name, wav, now(), false));
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (!queued) {
			log.warn("{} not spoken: {} announcements already wait for the speaker", name, this.queue.limit());
		}
		return queued;
	}

	/**
	 * A wake word: stops whatever plays at once, then plays the chime. The answer holding
	 * the speaker loses it; waiting announcements stay queued.
	 * @param chime the start chime
	 */
	public void interrupt(byte[] chime) {
		Interruption interruption;
		this.lock.lock();
		try {
			interruption = this.queue.interrupt(now());
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (interruption.requeued() != null) {
			log.info("{} was cut by a wake word; it is said again after the conversation",
					interruption.requeued().name());
		}
		if (interruption.dropped() != null) {
			log.warn("{} was cut by a wake word a second time; it is not said again", interruption.dropped().name());
		}
		this.urgent.lock();
		try {
			this.output.abort();
			handOver(null, chime);
		}
		finally {
			this.urgent.unlock();
		}
	}

	/**
	 * Stops whatever plays (the admin route). The hold and the waiting announcements
	 * stay; an announcement it cut is not said again.
	 * @return whether the audio server accepted the request
	 */
	public boolean abort() {
		Announcement cut;
		this.lock.lock();
		try {
			cut = this.queue.abort(now());
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (cut != null) {
			log.info("{} was stopped by an abort request", cut.name());
		}
		this.urgent.lock();
		try {
			return this.output.abort();
		}
		finally {
			this.urgent.unlock();
		}
	}

	@Override
	public void destroy() {
		this.announcer.interrupt();
		List<Announcement> left;
		this.lock.lock();
		try {
			left = this.queue.drain();
		}
		finally {
			this.lock.unlock();
		}
		left.forEach((announcement) -> log.warn("{} not spoken: the server is stopping", announcement.name()));
	}

	// The owner's virtual thread: says announcements while nobody holds the speaker, and
	// overdue ones at the next gap.
	private void announceWhenFree() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				awaitSomethingToSay();
				this.wire.lockInterruptibly();
				try {
					Next.Say say = null;
					this.lock.lock();
					try {
						if (this.queue.next(now()) instanceof Next.Say ready) {
							say = ready;
							this.queue.take();
						}
					}
					finally {
						this.lock.unlock();
					}
					if (say != null) {
						if (say.overdue()) {
							log.warn("{} waited {} for the speaker: said now", say.announcement().name(),
									this.queue.maxWait());
						}
						say(say.announcement());
					}
				}
				finally {
					this.wire.unlock();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitSomethingToSay() throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			while (true) {
				switch (this.queue.next(now())) {
					case Next.Say say -> {
						return;
					}
					case Next.WaitUntil wait -> this.changed.awaitNanos(nanosUntil(wait.at()));
					case Next.Nothing nothing -> this.changed.await();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	// Under the wire lock.
	private void say(Announcement announcement) {
		if (!handOver(announcement, announcement.wav())) {
			log.warn("{} not spoken: the speaker refused the audio", announcement.name());
		}
	}

	// Under the wire or the urgent lock: marks the sound as playing, then hands it over.
	private boolean handOver(@Nullable Announcement announcement, byte[] wav) {
		Duration length = lengthOf(wav);
		long sound;
		this.lock.lock();
		try {
			sound = this.queue.starting(announcement, now(), length);
		}
		finally {
			this.lock.unlock();
		}
		boolean played = this.output.play(wav);
		if (!played) {
			this.lock.lock();
			try {
				this.queue.refused(sound, now());
				this.changed.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
		return played;
	}

	private static Duration lengthOf(byte[] wav) {
		try {
			return Wav.duration(wav);
		}
		catch (InvalidAudioException ex) {
			// The audio server will refuse it too; nothing is then playing.
			return Duration.ZERO;
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private long nanosUntil(Instant instant) {
		return Math.max(1, Duration.between(now(), instant).toNanos());
	}

	/**
	 * An answer's claim on the speaker. Its sounds wait for the one playing to end; once
	 * the hold is revoked (a wake word, a newer answer) they are refused. Used by one
	 * thread at a time; close it when the answer is over.
	 */
	public final class Hold implements AutoCloseable {

		private final long id;

		private final String name;

		private Hold(long id, String name) {
			this.id = id;
			this.name = name;
		}

		/**
		 * Plays a sound of the answer once the speaker is free (at once, unless an
		 * overdue announcement or the end of an earlier sound is waited for).
		 * @param wav a complete WAV
		 * @return whether the audio server accepted it; false when the hold was revoked
		 */
		public boolean play(byte[] wav) {
			try {
				while (awaitFree()) {
					Speaker.this.wire.lockInterruptibly();
					try {
						if (stillFree()) {
							return handOver(null, wav);
						}
					}
					finally {
						Speaker.this.wire.unlock();
					}
				}
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/**
		 * When the last sound handed to the audio server ends, as estimated from its
		 * length: the answer's sentences are paced by it.
		 */
		public Instant playedOutAt() {
			Speaker.this.lock.lock();
			try {
				return Speaker.this.queue.busyUntil();
			}
			finally {
				Speaker.this.lock.unlock();
			}
		}

		/**
		 * Says the announcements that wait (e.g. a reminder that fell due during the
		 * answer), in order, and waits until they have played out.
		 * @return false when the hold was revoked meanwhile
		 */
		public boolean announceWaiting() {
			try {
				while (awaitFree()) {
					Speaker.this.wire.lockInterruptibly();
					try {
						if (!stillFree()) {
							continue;
						}
						Announcement next;
						Speaker.this.lock.lock();
						try {
							next = Speaker.this.queue.take();
						}
						finally {
							Speaker.this.lock.unlock();
						}
						if (next == null) {
							break;
						}
						log.info("{} said after utterance {}", next.name(), this.name);
						say(next);
					}
					finally {
						Speaker.this.wire.unlock();
					}
				}
				return awaitFree();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/**
		 * Ends the hold; the device was told to listen, so the speaker stays quiet a
		 * while.
		 */
		public void closeListening() {
			release(true);
		}

		/** Ends the hold; waiting announcements may be said. */
		@Override
		public void close() {
			release(false);
		}

		private void release(boolean listening) {
			Speaker.this.lock.lock();
			try {
				Speaker.this.queue.release(this.id, now(), listening);
				Speaker.this.changed.signalAll();
			}
			finally {
				Speaker.this.lock.unlock();
			}
		}

		// Waits until nothing plays; false when the hold is revoked.
		private boolean awaitFree() throws InterruptedException {
			Speaker.this.lock.lockInterruptibly();
			try {
				while (Speaker.this.queue.holds(this.id) && Speaker.this.queue.busy(now())) {
					Speaker.this.changed.awaitNanos(nanosUntil(Speaker.this.queue.busyUntil()));
				}
				return Speaker.this.queue.holds(this.id);
			}
			finally {
				Speaker.this.lock.unlock();
			}
		}

		// Under the wire lock: nothing has been handed over since awaitFree.
		private boolean stillFree() {
			Speaker.this.lock.lock();
			try {
				return Speaker.this.queue.holds(this.id) && !Speaker.this.queue.busy(now());
			}
			finally {
				Speaker.this.lock.unlock();
			}
		}

	}

}

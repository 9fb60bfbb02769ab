package com.homemadealexa.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.device.DeviceInfo;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One utterance from its start (the upload's first byte, a typed command's arrival) to
 * its close, after the answer was spoken: what was heard and answered, the time each
 * stage was reached, the first stage that failed, and, for a device, its claim on that
 * device until a newer utterance or a wake word cancels it. It puts its id in the MDC
 * ({@value #MDC_KEY}) of every thread it runs work on ({@link #bind}, {@link #wrap}), so
 * each log line about it names it once. Closing it leaves its entry in the recent list.
 * Created by {@link Utterances}; thread-safe, as its stages are reached on different
 * threads.
 */
final class Utterance {

	/** The MDC key; the log pattern prints it ({@code logging.pattern.correlation}). */
	static final String MDC_KEY = "utterance";

	static final String TRANSCRIBED = "stt";

	static final String FIRST_AUDIO_SYNTHESIZED = "tts-first-audio";

	static final String FIRST_AUDIO_PLAYED = "first-audio";

	static final String ANSWERED = "answered";

	private static final Logger log = LoggerFactory.getLogger(Utterance.class);

	private final String id;

	private final String conversationId;

	private final @Nullable DeviceInfo device;

	private final Input input;

	private final MeterRegistry meters;

	private final Consumer<Utterance> onClose;

	private volatile long endOfSpeech;

	private volatile String text = "";

	private volatile @Nullable Interpretation answer;

	private final ConcurrentMap<String, Long> stageMillis = new ConcurrentHashMap<>();

	private final AtomicReference<RecentUtterances.@Nullable Failure> failure = new AtomicReference<>();

	private final CountDownLatch cancelled = new CountDownLatch(1);

	private volatile boolean receiving;

	private final AtomicBoolean closed = new AtomicBoolean();

	Utterance(String id, String conversationId, @Nullable DeviceInfo device, Input input, MeterRegistry meters,
			Consumer<Utterance> onClose) {
		this.id = id;
		this.conversationId = conversationId;
		this.device = device;
		this.input = input;
		this.meters = meters;
		this.onClose = onClose;
		this.receiving = input == Input.SPEECH;
		// A typed command's stage times start when it arrives.
		this.endOfSpeech = System.nanoTime();
	}

	String id() {
		return this.id;
	}

	/** The device or webapp session whose history it belongs to; also its source. */
	String conversationId() {
		return this.conversationId;
	}

	/**
	 * @return the device that spoke it (or is to speak the answer), resolved when it
	 * started; empty for the webapp and text-only commands
	 */
	Optional<DeviceInfo> device() {
		return Optional.ofNullable(this.device);
	}

	Input input() {
		return this.input;
	}

	/** The transcript (or typed command), stripped; empty for silence. */
	String text() {
		return this.text;
	}

	// ---- Stages

	/** The last byte of the upload arrived: stage times start now. */
	void speechEnded() {
		this.endOfSpeech = System.nanoTime();
	}

	void transcribed(String transcript) {
		this.text = transcript;
		reached(TRANSCRIBED);
	}

	void typed(String command) {
		this.text = command;
	}

	void firstAudioSynthesized() {
		reached(FIRST_AUDIO_SYNTHESIZED);
	}

	void firstAudioPlayed() {
		reached(FIRST_AUDIO_PLAYED);
	}

	void answered(Interpretation interpretation) {
		this.answer = interpretation;
		reached(ANSWERED);
	}

	/**
	 * A stage failed: the one log line about it, here. The first failure is kept for the
	 * recent list.
	 * @param cause the failure; a {@link CompletionException}'s cause is reported
	 */
	void failed(Stage stage, Throwable cause) {
		Throwable reported = ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) ? cause.getCause() : cause;
		String reason = (reported.getMessage() != null) ? reported.getMessage() : reported.toString();
		try (Scope scope = bind()) {
			if (stage.unexpected) {
				log.error(stage.line, reason, reported);
			}
			else {
				log.warn(stage.line, reason);
			}
		}
		this.failure.compareAndSet(null, new RecentUtterances.Failure(stage.key, reason));
	}

	/**
	 * @return the first failed stage, or null when none failed
	 */
	RecentUtterances.@Nullable Failure failure() {
		return this.failure.get();
	}

	/**
	 * @return milliseconds from the end of speech to each stage reached so far
	 */
	Map<String, Long> millis() {
		return Map.copyOf(this.stageMillis);
	}

	private void reached(String stage) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.endOfSpeech);
		if (this.stageMillis.putIfAbsent(stage, elapsed.toMillis()) == null) {
			this.meters.timer("alexa.pipeline", "stage", stage).record(elapsed);
		}
	}

	// ---- The device's turn

	/**
	 * The upload has ended and was transcribed; from now on this is the device's pending
	 * reply, which a wake word interrupts.
	 */
	void received() {
		this.receiving = false;
	}

	/** Whether the device is still uploading this utterance's speech. */
	boolean isReceiving() {
		return this.receiving;
	}

	/** A newer utterance or a wake word took over: nothing more is said or sent. */
	void cancel() {
		this.cancelled.countDown();
	}

	boolean isCancelled() {
		return this.cancelled.getCount() == 0;
	}

	/**
	 * Waits until the given instant, or less if the utterance is cancelled.
	 * @return whether the utterance is still valid
	 */
	boolean waitUntil(Instant instant) {
		Duration remaining = Duration.between(Instant.now(), instant);
		if (remaining.isNegative() || remaining.isZero()) {
			return !isCancelled();
		}
		try {
			return !this.cancelled.await(remaining.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	// ---- Threads

	/**
	 * Puts the id in this thread's MDC until the scope closes, which restores what was
	 * there.
	 */
	Scope bind() {
		String previous = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, this.id);
		return () -> {
			if (previous != null) {
				MDC.put(MDC_KEY, previous);
			}
			else {
				MDC.remove(MDC_KEY);
			}
		};
	}

	/** The task, run with the id in the MDC of whichever thread runs it. */
	Runnable wrap(Runnable task) {
		return () -> {
			try (Scope scope = bind()) {
				task.run();
			}
		};
	}

	/** The supplier, run with the id in the MDC of whichever thread runs it. */
	<T> Supplier<T> wrap(Supplier<T> task) {
		return () -> {
			try (Scope scope = bind()) {
				return task.get();
			}
		};
	}

	// ---- Close

	/**
	 * Ends the utterance (once; later calls do nothing): the device's claim ends and the
	 * recent list gets its entry, unless nothing was heard and nothing failed (silence, a
	 * refused upload).
	 */
	void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.onClose.accept(this);
		}
	}

	boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * @return its line in the recent list, or empty when there is nothing to show
	 */
	Optional<RecentUtterances.Entry> entry() {
		RecentUtterances.Failure failed = this.failure.get();
		if (this.text.isEmpty() && failed == null) {
			return Optional.empty();
		}
		Interpretation answered = this.answer;
		return Optional.of(new RecentUtterances.Entry(this.id, this.conversationId, Instant.now(), this.text,
				(answered != null) ? answered.phrase() : "", (answered != null) ? answered.route().name() : "",
				millis(), this.input.name(), failed));
	}

	@Override
	public String toString() {
		return "utterance " + this.id;
	}

	/** A scope of {@link #bind()}; closing it never throws. */
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	enum Input {

		/** Spoken to a device or the webapp, then transcribed. */
		SPEECH,
		/** Typed in the webapp or the console. */
		TEXT

	}

	/**
	 * The stages that can fail, as the recent list names them.
	 */
	enum Stage {

		/** The speech-to-text provider failed or timed out. */
		SPEECH_TO_TEXT("stt", "speech-to-text", false),
		/**
		 * Interpreting failed unexpectedly (the interpreter answers model and skill
		 * failures itself); logged with its stack trace.
		 */
		INTERPRETATION("interpret", "interpretation", true),
		/** A sentence could not be synthesized; the others are still spoken. */
		VOICE("tts", "text-to-speech", false),
		/**
		 * Speaking the answer on the device failed unexpectedly; logged with its stack
		 * trace, and the device is sent {@code idle}.
		 */
		PLAYBACK("playback", "playback", true);

		final String key;

		final String description;

		final boolean unexpected;

		/**
		 * The log line's pattern: one per stage, so the repeated-line filter limits each
		 * stage's failures on its own.
		 */
		final String line;

		Stage(String key, String description, boolean unexpected) {
			this.key = key;
			this.description = description;
			this.unexpected = unexpected;
			this.line = "Utterance failed at stage " + key + " (" + description + "): {}";
		}

	}

}

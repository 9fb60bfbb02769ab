package com.homemadealexa.llm;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retry of a provider call, on a connection failure only: the connection was refused,
 * reset, or a kept-alive connection turned out to be closed by the other side before it
 * answered. Those fail within milliseconds and a second connection usually works (a
 * service that restarted, a stale pooled connection). Nothing else is retried: not a
 * timeout (the budget is spent), not an HTTP error (the service answered), not a call
 * that already gave partial output (it would be heard twice). The retry gets what is left
 * of the call's budget, so both attempts together stay within it, and the device's 30 s
 * wait is never exceeded. Shared by the model and the speech providers; stateless and
 * thread-safe.
 */
public final class ConnectionRetry {

	private static final Logger log = LoggerFactory.getLogger(ConnectionRetry.class);

	/** Less than this left of the budget: a retry could not finish, so none is made. */
	static final Duration MIN_REMAINING = Duration.ofSeconds(1);

	private ConnectionRetry() {
	}

	/**
	 * Runs {@code attempt} and, when it fails with a connection failure that
	 * {@code retryable} allows, once more with the rest of the budget.
	 * @param what the provider, for the log line ("Wyoming speech-to-text")
	 * @param budget the time both attempts share
	 * @param attempt one call, given the time it may take
	 * @param retryable whether the failed attempt may be repeated (false once it has
	 * given partial output)
	 * @return the first successful result
	 */
	public static <T> T call(String what, Duration budget, Function<Duration, T> attempt, Supplier<Boolean> retryable) {
		long deadline = System.nanoTime() + budget.toNanos();
		try {
			return attempt.apply(budget);
		}
		catch (RuntimeException ex) {
			Duration left = Duration.ofNanos(deadline - System.nanoTime());
			if (!isConnectionFailure(ex) || !retryable.get() || left.compareTo(MIN_REMAINING) < 0) {
				throw ex;
			}
			log.info("{} connection failed ({}); retrying once", what, rootMessage(ex));
			try {
				return attempt.apply(left);
			}
			catch (RuntimeException second) {
				second.addSuppressed(ex);
				throw second;
			}
		}
	}

	/**
	 * Whether this failure (or one of its causes) is a refused, reset or closed-before-
	 * answering connection. Timeouts are not.
	 */
	public static boolean isConnectionFailure(@Nullable Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = (ex.getCause() != ex) ? ex.getCause() : null) {
			if (ex instanceof InterruptedIOException) {
				// SocketTimeoutException, OkHttp's InterruptedIOException("timeout"): the
				// budget is gone.
				return false;
			}
			if (ex instanceof ConnectException) {
				return !mentions(ex, "timed out");
			}
			if (ex instanceof SocketException && (mentions(ex, "reset") || mentions(ex, "broken pipe")
					|| mentions(ex, "connection abort") || mentions(ex, "socket closed by peer"))) {
				return true;
			}
			// A kept-alive connection the server had closed: OkHttp's "unexpected end of
			// stream", the JDK client's EOF before any response.
			if (ex instanceof EOFException || (ex instanceof IOException && mentions(ex, "unexpected end of stream"))) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause's class and message, for a log line. */
	public static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	private static boolean mentions(Throwable ex, String text) {
		String message = ex.getMessage();
		return message != null && message.toLowerCase(Locale.ROOT).contains(text);
	}

}

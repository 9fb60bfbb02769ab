package com.homemadealexa.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that ends at the call's deadline: the JDK client's request timeout
 * stops at the response's headers, but a call's time limit (okhttp's call timeout before)
 * covers its whole body, and a provider that stalls mid-answer must not hold the
 * utterance past it. At the deadline the body is closed, which cancels the exchange and
 * wakes a read waiting for data; that read then fails with a
 * {@link SocketTimeoutException}, a timeout to {@link ConnectionRetry} (not retried).
 * Reaching the end or closing the body cancels the deadline. One timer thread serves all
 * bodies.
 */
final class DeadlineBody extends FilterInputStream {

	private static final ScheduledThreadPoolExecutor TIMER = timer();

	private final Duration limit;

	private final ScheduledFuture<?> expiry;

	private volatile boolean expired;

	/**
	 * @param deadline the {@link System#nanoTime()} at which the call's time is up
	 * @param limit the call's time limit, for the message
	 */
	DeadlineBody(InputStream body, long deadline, Duration limit) {
		super(body);
		this.limit = limit;
		this.expiry = TIMER.schedule(this::expire, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	@Override
	public int read() throws IOException {
		try {
			return ended(this.in.read());
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		try {
			return ended(this.in.read(b, off, len));
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	@Override
	public long skip(long n) throws IOException {
		try {
			return this.in.skip(n);
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.expiry.cancel(false);
		this.in.close();
	}

	private int ended(int read) {
		if (read < 0) {
			this.expiry.cancel(false);
		}
		return read;
	}

	private IOException failure(IOException ex) {
		if (!this.expired) {
			return ex;
		}
		SocketTimeoutException timeout = new SocketTimeoutException(
				"the answer did not end within the call's time limit of " + this.limit.toMillis() + " ms");
		timeout.initCause(ex);
		return timeout;
	}

	private void expire() {
		this.expired = true;
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// The exchange is cancelled either way.
		}
	}

	private static ScheduledThreadPoolExecutor timer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("openai-deadlines").daemon().factory());
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

}

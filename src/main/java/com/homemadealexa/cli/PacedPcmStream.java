package com.homemadealexa.cli;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * PCM handed out chunk by chunk no faster than it would be spoken, like a microphone: a
 * chunk becomes readable when the audio it holds has been spoken, counted from the first
 * read. Notes when the last chunk was handed out (the end of speech). For one reader.
 */
final class PacedPcmStream extends InputStream {

	private final byte[] pcm;

	private final int chunkBytes;

	private final int bytesPerSecond;

	private final boolean realTime;

	private int position;

	private long started = -1;

	private volatile long endOfSpeech = -1;

	/**
	 * @param bytesPerSecond the PCM's data rate
	 * @param chunk how much audio each chunk carries
	 * @param realTime false to hand everything out at once (still in chunks)
	 */
	PacedPcmStream(byte[] pcm, int bytesPerSecond, Duration chunk, boolean realTime) {
		this.pcm = pcm;
		// Whole 16-bit frames, at least one.
		int bytes = (int) (bytesPerSecond * chunk.toNanos() / 1_000_000_000L);
		this.chunkBytes = Math.max(2, bytes - bytes % 2);
		this.bytesPerSecond = bytesPerSecond;
		this.realTime = realTime;
	}

	/** The {@link System#nanoTime()} when the last byte was handed out, or -1. */
	long endOfSpeech() {
		return this.endOfSpeech;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (this.position >= this.pcm.length) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		waitForChunk();
		int inChunk = this.chunkBytes - this.position % this.chunkBytes;
		int count = Math.min(Math.min(length, inChunk), this.pcm.length - this.position);
		System.arraycopy(this.pcm, this.position, buffer, offset, count);
		this.position += count;
		if (this.position >= this.pcm.length) {
			this.endOfSpeech = System.nanoTime();
		}
		return count;
	}

	private void waitForChunk() {
		long now = System.nanoTime();
		if (this.started < 0) {
			this.started = now;
		}
		if (!this.realTime) {
			return;
		}
		long chunkEnd = Math.min(this.pcm.length, (this.position / this.chunkBytes + 1L) * this.chunkBytes);
		long due = this.started + chunkEnd * 1_000_000_000L / this.bytesPerSecond;
		// Pacing a microphone is the point here, so the reader really waits.
		while (now < due && !Thread.currentThread().isInterrupted()) {
			LockSupport.parkNanos(due - now);
			now = System.nanoTime();
		}
	}

}

package com.homemadealexa.voice;

import java.util.concurrent.atomic.AtomicLong;

import com.homemadealexa.audio.AudioSettings;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Admission of uploads by the memory they hold: each upload reserves what it buffers as
 * it arrives (times what the providers copy of it), and one that would take the total
 * past {@code audio.upload_memory_mb} is refused with 503 and {@code Retry-After} instead
 * of running the server out of heap. Thread-safe.
 */
@Component
class UploadMemory {

	/**
	 * A buffered upload is held about this many times over at its peak: the provider's
	 * growing buffer (up to twice its content while it grows) and the copy it converts
	 * from; the converted 16 kHz copy and a saved WAV are smaller or optional.
	 */
	static final int COPIES = 3;

	private final long budget;

	private final AtomicLong reserved = new AtomicLong();

	UploadMemory(AudioSettings settings) {
		this.budget = settings.uploadMemoryBytes();
	}

	Reservation open() {
		return new Reservation();
	}

	long reserved() {
		return this.reserved.get();
	}

	/** One upload's share; closing it gives the memory back. Used by one thread. */
	final class Reservation implements AutoCloseable {

		private long held;

		/**
		 * @throws AudioRejectedException 503 when the budget is used up
		 */
		void grow(long receivedBytes) {
			long wanted = receivedBytes * COPIES;
			if (wanted <= this.held) {
				return;
			}
			// Reserve ahead in steps, so a stream of small chunks costs few updates.
			long target = Math.max(wanted, this.held + 256 * 1024);
			long extra = target - this.held;
			long total = UploadMemory.this.reserved.addAndGet(extra);
			if (total > UploadMemory.this.budget) {
				UploadMemory.this.reserved.addAndGet(-extra);
				AudioRejectedException busy = new AudioRejectedException(HttpStatus.SERVICE_UNAVAILABLE,
						"The server is receiving too much audio at once; try again in a moment.");
				busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
				throw busy;
			}
			this.held = target;
		}

		@Override
		public void close() {
			UploadMemory.this.reserved.addAndGet(-this.held);
			this.held = 0;
		}

	}

}

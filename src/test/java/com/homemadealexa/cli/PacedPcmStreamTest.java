package com.homemadealexa.cli;

import java.time.Duration;

import com.homemadealexa.audio.PcmFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacedPcmStreamTest {

	private static final int BYTES_PER_SECOND = PcmFormat.SPEECH.bytesPerSecond();

	@Test
	void handsOutAudioNoFasterThanItIsSpoken() {
		byte[] halfASecond = new byte[BYTES_PER_SECOND / 2];
		PacedPcmStream stream = new PacedPcmStream(halfASecond, BYTES_PER_SECOND, Duration.ofMillis(100), true);

		long started = System.nanoTime();
		int chunks = drain(stream);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(490)).isLessThan(Duration.ofMillis(900));
		assertThat(chunks).isEqualTo(5);
		assertThat(stream.endOfSpeech()).isBetween(started, System.nanoTime());
	}

	@Test
	void handsOutEverythingAtOnceWhenNotPaced() {
		byte[] tenSeconds = new byte[BYTES_PER_SECOND * 10 + 1];
		PacedPcmStream stream = new PacedPcmStream(tenSeconds, BYTES_PER_SECOND, Duration.ofMillis(100), false);

		long started = System.nanoTime();
		int chunks = drain(stream);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(chunks).isEqualTo(101);
	}

	private static int drain(PacedPcmStream stream) {
		byte[] buffer = new byte[64 * 1024];
		int chunks = 0;
		while (stream.read(buffer, 0, buffer.length) > 0) {
			chunks++;
		}
		return chunks;
	}

}

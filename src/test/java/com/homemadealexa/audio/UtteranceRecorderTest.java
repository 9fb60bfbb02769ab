package com.homemadealexa.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;

class UtteranceRecorderTest {

	private static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589Z");

	@TempDir
	Path dir;

	@Test
	void savesTheUtteranceAsAWavNamedByTimeAndId() throws IOException {
		UtteranceRecorder recorder = recorder(true, 10, Clock.fixed(NOW, ZoneOffset.UTC));
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 250, 440);

		Optional<Path> saved = recorder.save("u-42", pcm, PcmFormat.SPEECH);

		assertThat(saved).hasValue(this.dir.resolve("20250314-092653-589_u-42.wav"));
		PcmAudio audio = Wav.decode(Files.readAllBytes(saved.orElseThrow()));
		assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(audio.data()).isEqualTo(pcm);
	}

	@Test
	void keepsTheFormatTheDeviceSent() throws IOException {
		PcmFormat stereo = new PcmFormat(48000, 16, 2);
		Path saved = recorder(true, 10, Clock.systemUTC()).save("u-1", TestWavs.tonePcm(stereo, 100, 440), stereo)
			.orElseThrow();

		assertThat(Wav.decode(Files.readAllBytes(saved)).format()).isEqualTo(stereo);
	}

	@Test
	void savesNothingWhenSavingIsOff() throws IOException {
		Optional<Path> saved = recorder(false, 10, Clock.systemUTC()).save("u-1", new byte[3200], PcmFormat.SPEECH);

		assertThat(saved).isEmpty();
		assertThat(wavs()).isEmpty();
	}

	@Test
	void deletesTheOldestWavsBeyondTheLimit() throws IOException {
		Instant base = Instant.parse("2025-01-01T00:00:00Z");
		for (int i = 0; i < 4; i++) {
			Path old = Files.write(this.dir.resolve("old-" + i + ".wav"), TestWavs.speech(10));
			Files.setLastModifiedTime(old, FileTime.from(base.plus(Duration.ofMinutes(i))));
		}
		Files.writeString(this.dir.resolve("notes.txt"), "not audio, not ours");
		UtteranceRecorder recorder = recorder(true, 3, Clock.systemUTC());

		Path saved = recorder.save("newest", new byte[3200], PcmFormat.SPEECH).orElseThrow();

		assertThat(wavs()).containsExactlyInAnyOrder("old-2.wav", "old-3.wav", saved.getFileName().toString());
		assertThat(this.dir.resolve("notes.txt")).exists();
	}

	@Test
	void replacesCharactersThatDoNotBelongInAFileName() {
		Path saved = recorder(true, 10, Clock.fixed(NOW, ZoneOffset.UTC))
			.save("../../etc/passwd", new byte[32], PcmFormat.SPEECH)
			.orElseThrow();

		assertThat(saved.getParent()).isEqualTo(this.dir);
		assertThat(saved.getFileName().toString()).isEqualTo("20250314-092653-589_______etc_passwd.wav");
	}

	@Test
	void reportsAFailureInsteadOfThrowing() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("file"), "x");
		UtteranceRecorder recorder = new UtteranceRecorder(new AudioSettings(notADirectory, true, 10, 30, 0));

		assertThat(recorder.save("u-1", new byte[32], PcmFormat.SPEECH)).isEmpty();
	}

	private UtteranceRecorder recorder(boolean save, int maxFiles, Clock clock) {
		return new UtteranceRecorder(new AudioSettings(this.dir, save, maxFiles, 30, 0), clock);
	}

	private Stream<String> wavsStream() throws IOException {
		return Files.list(this.dir).map((p) -> p.getFileName().toString()).filter((n) -> n.endsWith(".wav"));
	}

	private java.util.List<String> wavs() throws IOException {
		try (Stream<String> names = wavsStream()) {
			return names.toList();
		}
	}

}

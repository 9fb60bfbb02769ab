package com.homemadealexa.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;

class ChimesTest {

	@TempDir
	Path dir;

	@Test
	void shipsShortSpeechFormatChimes() {
		Chimes chimes = new Chimes(new SoundSettings(""));

		for (byte[] chime : new byte[][] { chimes.startChime(), chimes.endChime() }) {
			PcmAudio audio = Wav.decode(chime);
			assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
			assertThat(audio.duration()).isBetween(Duration.ofMillis(100), Duration.ofMillis(500));
			assertThat(TestWavs.rms(audio.data())).as("audible").isGreaterThan(0.05);
		}
		assertThat(chimes.startChime()).isNotEqualTo(chimes.endChime());
	}

	@Test
	void takesChimesFromTheConfiguredFolderAndNormalisesThem() throws IOException {
		Files.write(this.dir.resolve("start.wav"), TestWavs.tone(new PcmFormat(44100, 16, 2), 300, 880));
		Files.write(this.dir.resolve("end.wav"), TestWavs.tone(new PcmFormat(16000, 16, 1), 200, 440));

		Chimes chimes = new Chimes(new SoundSettings(this.dir.toString()));

		assertThat(Wav.decode(chimes.startChime()).format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(Wav.duration(chimes.startChime())).isEqualTo(Duration.ofMillis(300));
		assertThat(Wav.duration(chimes.endChime())).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void fallsBackToTheShippedChimeWhenAFileIsMissingOrBroken() throws IOException {
		Files.writeString(this.dir.resolve("start.wav"), "not audio");
		Chimes shipped = new Chimes(new SoundSettings(""));

		Chimes chimes = new Chimes(new SoundSettings(this.dir.toString()));

		assertThat(chimes.startChime()).isEqualTo(shipped.startChime());
		assertThat(chimes.endChime()).isEqualTo(shipped.endChime());
	}

	@Test
	void handsOutCopiesSoCallersCannotSpoilTheChime() {
		Chimes chimes = new Chimes(new SoundSettings(""));
		byte[] first = chimes.startChime();
		first[100] ^= 0x7F;

		assertThat(chimes.startChime()).isNotEqualTo(first);
	}

}

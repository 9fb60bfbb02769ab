package com.homemadealexa.voice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.homemadealexa.audio.AudioOutput;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.speech.TextToSpeech;
import com.homemadealexa.testsupport.TestWavs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long answer is synthesized a few sentences ahead of playback, not all at once (with a
 * failing cloud voice that meant two dozen espeak-ng processes at a time).
 */
class DevicePlaybackTest {

	/**
	 * A voice that counts how many sentences are synthesized at once and ahead of play.
	 */
	static final class CountingVoice implements TextToSpeech {

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicInteger synthesized = new AtomicInteger();

		@Override
		public byte[] synthesize(String text, java.util.Locale locale) {
			int now = this.running.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(now, Math::max);
			this.synthesized.incrementAndGet();
			this.running.decrementAndGet();
			return TestWavs.silence(PcmFormat.SPEECH, 1);
		}

	}

	/** Records, for each play, how many sentences had been synthesized by then. */
	static final class Speaker implements AudioOutput {

		final List<Integer> synthesizedAtPlay = new ArrayList<>();

		final CountingVoice voice;

		Speaker(CountingVoice voice) {
			this.voice = voice;
		}

		@Override
		public synchronized boolean play(byte[] wav) {
			this.synthesizedAtPlay.add(this.voice.synthesized.get());
			return true;
		}

		@Override
		public boolean abort() {
			return true;
		}

	}

	@Test
	void aLongAnswerIsSynthesizedAtMostTwoSentencesAheadOfPlayback() {
		CountingVoice tts = new CountingVoice();
		Speaker speaker = new Speaker(tts);
		SentenceVoice voice = new SentenceVoice(tts, PhrasesTestData.phrases());
		try {
			DevicePlayback playback = new DevicePlayback(new Utterance("u-1", "kitchen", null, Utterance.Input.SPEECH,
					new SimpleMeterRegistry(), (closed) -> {
					}), voice, new com.homemadealexa.audio.Speaker(speaker, Clock.systemUTC()).hold("u-1"));
			for (int i = 0; i < 120; i++) {
				playback.say("Sentence number " + i + ".");
			}
			assertThat(playback.finish()).isEqualTo(120);
		}
		finally {
			voice.destroy();
		}
		assertThat(tts.mostAtOnce.get()).isLessThanOrEqualTo(DevicePlayback.LOOKAHEAD);
		for (int played = 0; played < speaker.synthesizedAtPlay.size(); played++) {
			assertThat(speaker.synthesizedAtPlay.get(played)).as("sentences synthesized when #%d played", played)
				.isLessThanOrEqualTo(played + 1 + DevicePlayback.LOOKAHEAD);
		}
	}

}

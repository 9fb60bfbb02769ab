package com.homemadealexa.voice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.audio.Wav;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Answers a webapp utterance with the whole spoken answer as one WAV. Sentences are still
 * synthesized as soon as each is written, up to {@value #PARALLEL} at a time, so the WAV
 * is ready soon after the last one; a reply stops at {@link DevicePlayback#MAX_SPEECH} of
 * speech.
 */
@Component
class WebappReplies {

	private static final Logger log = LoggerFactory.getLogger(WebappReplies.class);

	static final int PARALLEL = 4;

	private final Answers answers;

	private final SentenceVoice voice;

	WebappReplies(Answers answers, SentenceVoice voice) {
		this.answers = answers;
		this.voice = voice;
	}

	WebappAnswer answer(Utterance utterance) {
		if (utterance.text().isEmpty()) {
			return new WebappAnswer("idle", null, "");
		}
		List<CompletableFuture<byte[]>> sentences = new ArrayList<>();
		Semaphore parallel = new Semaphore(PARALLEL);
		Interpretation answer = this.answers.answer(utterance,
				(sentence) -> sentences.add(this.voice.synthesize(sentence, utterance, parallel)));
		List<byte[]> audio = new ArrayList<>();
		Duration speech = Duration.ZERO;
		for (CompletableFuture<byte[]> sentence : sentences) {
			try {
				byte[] wav = sentence.join();
				Duration length = Wav.duration(wav);
				if (speech.plus(length).compareTo(DevicePlayback.MAX_SPEECH) > 0) {
					log.warn("The reply is longer than {} of speech; the rest is not spoken",
							DevicePlayback.MAX_SPEECH);
					sentences.forEach((pending) -> pending.cancel(true));
					break;
				}
				speech = speech.plus(length);
				audio.add(wav);
				utterance.firstAudioSynthesized();
			}
			catch (RuntimeException ex) {
				utterance.failed(Utterance.Stage.VOICE, ex);
			}
		}
		boolean spoken = !audio.isEmpty();
		String next = (answer.end() || !spoken) ? "idle" : "listen";
		return new WebappAnswer(next, spoken ? Wav.concat(audio) : null, answer.phrase());
	}

	/**
	 * The webapp's answer.
	 *
	 * @param next {@code listen} or {@code idle}
	 * @param wav the spoken answer, or null when nothing is said
	 * @param phrase the answer as text
	 */
	record WebappAnswer(String next, byte @Nullable [] wav, String phrase) {
	}

}

package com.homemadealexa.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.audio.Wav;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Answers a webapp utterance with the whole spoken answer as one WAV. Sentences are still
 * synthesized as soon as each is written, in parallel, so the WAV is ready soon after the
 * last one.
 */
@Component
class WebappReplies {

	private static final Logger log = LoggerFactory.getLogger(WebappReplies.class);

	private final Answers answers;

	private final SentenceVoice voice;

	WebappReplies(Answers answers, SentenceVoice voice) {
		this.answers = answers;
		this.voice = voice;
	}

	WebappAnswer answer(Heard heard, String user) {
		if (heard.text().isEmpty()) {
			return new WebappAnswer("idle", null, "");
		}
		String conversationId = "webapp:" + user;
		List<CompletableFuture<byte[]>> sentences = new ArrayList<>();
		Interpretation answer = this.answers.answer(conversationId, heard,
				(sentence) -> sentences.add(this.voice.synthesize(sentence, heard.utteranceId())));
		List<byte[]> audio = new ArrayList<>();
		for (CompletableFuture<byte[]> sentence : sentences) {
			try {
				audio.add(sentence.join());
				heard.timings().firstAudioSynthesized();
			}
			catch (RuntimeException ex) {
				String reason = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
				log.warn("Utterance {} failed at stage tts: {}", heard.utteranceId(), reason);
				heard.timings().failed("tts", reason);
			}
		}
		this.answers.remember(heard, conversationId, answer);
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

package com.homemadealexa.voice;

import java.time.Instant;
import java.util.function.Consumer;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.assistant.Interpreter;
import com.homemadealexa.i18n.Phrases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Asks the interpreter for the answer to a transcript, with a spoken apology when even
 * that fails, and keeps the result for the console's recent utterances.
 */
@Component
class Answers {

	private static final Logger log = LoggerFactory.getLogger(Answers.class);

	private final Interpreter interpreter;

	private final Phrases phrases;

	private final RecentUtterances recent;

	Answers(Interpreter interpreter, Phrases phrases, RecentUtterances recent) {
		this.interpreter = interpreter;
		this.phrases = phrases;
		this.recent = recent;
	}

	/**
	 * @param sentences receives the answer sentence by sentence while it is produced
	 */
	Interpretation answer(String conversationId, Heard heard, Consumer<String> sentences) {
		try {
			return this.interpreter.interpret(conversationId, heard.text(), heard.utteranceId(), sentences);
		}
		catch (RuntimeException ex) {
			log.error("Utterance {} failed at stage interpret", heard.utteranceId(), ex);
			heard.timings().failed("interpret", ex.toString());
			String apology = this.phrases.pick("voice.apology");
			sentences.accept(apology);
			return new Interpretation("error", apology, true, Interpretation.Route.FALLBACK);
		}
		finally {
			heard.timings().answered();
		}
	}

	void remember(Heard heard, String source, Interpretation answer) {
		this.recent
			.add(new RecentUtterances.Entry(heard.utteranceId(), source, Instant.now(), heard.text(), answer.phrase(),
					answer.route().name(), heard.timings().millis(), heard.input().name(), heard.timings().failure()));
	}

}

package com.homemadealexa.voice;

import java.util.function.Consumer;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.assistant.Interpreter;
import com.homemadealexa.i18n.Phrases;

import org.springframework.stereotype.Component;

/**
 * Asks the interpreter for the answer to an utterance, with a spoken apology when even
 * that fails, and notes the answer on the utterance (for the recent list when it closes).
 */
@Component
class Answers {

	private final Interpreter interpreter;

	private final Phrases phrases;

	Answers(Interpreter interpreter, Phrases phrases) {
		this.interpreter = interpreter;
		this.phrases = phrases;
	}

	/**
	 * @param sentences receives the answer sentence by sentence while it is produced
	 */
	Interpretation answer(Utterance utterance, Consumer<String> sentences) {
		Interpretation answer;
		try {
			answer = this.interpreter.interpret(utterance.conversationId(), utterance.text(), sentences);
		}
		catch (RuntimeException ex) {
			utterance.failed(Utterance.Stage.INTERPRETATION, ex);
			String apology = this.phrases.pick("voice.apology");
			sentences.accept(apology);
			answer = new Interpretation("error", apology, true, Interpretation.Route.FALLBACK);
		}
		utterance.answered(answer);
		return answer;
	}

}

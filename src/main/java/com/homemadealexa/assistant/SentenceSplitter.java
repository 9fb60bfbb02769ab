package com.homemadealexa.assistant;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cuts streamed text into sentences, so each can be spoken as soon as it is complete.
 *
 * <p>
 * A sentence ends at {@code . ! ? …} or a line break, but only when the next visible
 * character starts a new sentence (an upper-case letter, a digit, a quote or a dash):
 * that keeps "3.5", "15:30", "np. jutro" and "e.g. tomorrow" whole. Known abbreviations
 * before a dot never end a sentence ("Dr. Nowak", "ul. Długa"). Not thread-safe: one
 * splitter per answer, fed in order.
 */
public final class SentenceSplitter {

	private static final Set<String> ABBREVIATIONS = Set.of("np", "itp", "itd", "tzn", "tj", "dr", "prof", "ul", "godz",
			"min", "ok", "m.in", "mgr", "inż", "św", "al", "pl", "os", "r", "wg", "mr", "mrs", "ms", "st", "e.g", "i.e",
			"etc", "vs", "no", "approx", "jr", "sr");

	private final Consumer<String> sentences;

	private final StringBuilder pending = new StringBuilder();

	public SentenceSplitter(Consumer<String> sentences) {
		this.sentences = sentences;
	}

	/**
	 * Adds the next piece of text; emits every sentence it completes.
	 */
	public void add(String text) {
		this.pending.append(text);
		int start = 0;
		for (int i = 0; i < this.pending.length(); i++) {
			char c = this.pending.charAt(i);
			if (c == '\n') {
				start = emit(start, i + 1);
				continue;
			}
			if (!isTerminator(c)) {
				continue;
			}
			int end = i + 1;
			while (end < this.pending.length() && (isTerminator(this.pending.charAt(end))
					|| this.pending.charAt(end) == '"' || this.pending.charAt(end) == '”')) {
				end++;
			}
			int next = end;
			while (next < this.pending.length() && Character.isWhitespace(this.pending.charAt(next))) {
				next++;
			}
			if (next >= this.pending.length()) {
				break; // undecided until more text arrives
			}
			if (next > end && startsSentence(this.pending.charAt(next)) && !(c == '.' && abbreviationBefore(i))) {
				start = emit(start, end);
			}
			i = end - 1;
		}
		this.pending.delete(0, start);
	}

	/**
	 * Emits whatever remains: the end of the answer ends its last sentence.
	 */
	public void finish() {
		emit(0, this.pending.length());
		this.pending.setLength(0);
	}

	private int emit(int start, int end) {
		String sentence = this.pending.substring(start, end).strip();
		if (!sentence.isEmpty() && sentence.chars().anyMatch(Character::isLetterOrDigit)) {
			this.sentences.accept(sentence);
		}
		return end;
	}

	private boolean abbreviationBefore(int dot) {
		int begin = dot;
		while (begin > 0
				&& (Character.isLetter(this.pending.charAt(begin - 1)) || this.pending.charAt(begin - 1) == '.')) {
			begin--;
		}
		String word = this.pending.substring(begin, dot).toLowerCase(Locale.ROOT);
		return ABBREVIATIONS.contains(word);
	}

	private static boolean isTerminator(char c) {
		return c == '.' || c == '!' || c == '?' || c == '…';
	}

	private static boolean startsSentence(char c) {
		return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '„' || c == '“' || c == '-'
				|| c == '–' || c == '(';
	}

}

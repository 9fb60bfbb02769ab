package com.homemadealexa.assistant;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

	private final List<String> sentences = new ArrayList<>();

	private final SentenceSplitter splitter = new SentenceSplitter(this.sentences::add);

	@Test
	void emitsEachSentenceAsSoonAsTheNextOneStarts() {
		this.splitter.add("Dzień dobry. Jak");
		assertThat(this.sentences).containsExactly("Dzień dobry.");
		this.splitter.add(" się masz? Ja");
		assertThat(this.sentences).containsExactly("Dzień dobry.", "Jak się masz?");
		this.splitter.add(" dobrze.");
		assertThat(this.sentences).hasSize(2);
		this.splitter.finish();
		assertThat(this.sentences).containsExactly("Dzień dobry.", "Jak się masz?", "Ja dobrze.");
	}

	@Test
	void keepsDecimalNumbersTimesAndAbbreviationsWhole() {
		this.splitter.add("Jest 3.5 stopnia o 15:30, np. w Warszawie. Dr. Nowak mówi, że ul. Długa jest zamknięta. ");
		this.splitter.add("It is e.g. cold. Mr. Smith agrees.");
		this.splitter.finish();
		assertThat(this.sentences).containsExactly("Jest 3.5 stopnia o 15:30, np. w Warszawie.",
				"Dr. Nowak mówi, że ul. Długa jest zamknięta.", "It is e.g. cold.", "Mr. Smith agrees.");
	}

	@Test
	void doesNotSplitBeforeALowerCaseWord() {
		this.splitter.add("Spotkanie jest 23. listopada o 7.30 rano. Dobrze?");
		this.splitter.finish();
		assertThat(this.sentences).containsExactly("Spotkanie jest 23. listopada o 7.30 rano.", "Dobrze?");
	}

	@Test
	void handlesTokensSplitAnywhere() {
		String text = "First one! Second one… Third? \"Quoted.\" Last";
		for (char c : text.toCharArray()) {
			this.splitter.add(String.valueOf(c));
		}
		this.splitter.finish();
		assertThat(this.sentences).containsExactly("First one!", "Second one…", "Third?", "\"Quoted.\"", "Last");
	}

	@Test
	void lineBreaksEndSentencesAndEmptyPiecesAreDropped() {
		this.splitter.add("Lista:\n- jeden\n\n... ");
		this.splitter.finish();
		assertThat(this.sentences).containsExactly("Lista:", "- jeden");
	}

}

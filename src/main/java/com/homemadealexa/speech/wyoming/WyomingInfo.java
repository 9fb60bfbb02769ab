package com.homemadealexa.speech.wyoming;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import com.homemadealexa.speech.SpeechException;

/**
 * What a Wyoming service offers, from its answer to {@code describe}: its programs and
 * their models (speech-to-text) or voices (text-to-speech), each with its languages.
 *
 * @param programs the programs of the asked kind ({@code asr} or {@code tts})
 */
public record WyomingInfo(List<Program> programs) {

	private static final int MAX_LISTED = 5;

	/**
	 * @param name e.g. {@code faster-whisper} or {@code piper}
	 * @param offers its models or voices
	 */
	public record Program(String name, List<Offer> offers) {
	}

	/**
	 * @param name a model or voice name
	 * @param languages e.g. {@code pl}, {@code en_US}
	 */
	public record Offer(String name, List<String> languages) {

		boolean speaks(String language) {
			return this.languages.stream()
				.map((tag) -> tag.toLowerCase(Locale.ROOT).replace('_', '-'))
				.anyMatch((tag) -> tag.equals(language) || tag.startsWith(language + "-"));
		}

	}

	/**
	 * Asks the service at {@code url} to describe itself.
	 * @param kind {@code asr} or {@code tts}
	 * @throws SpeechException when it cannot be reached or does not answer with
	 * {@code info} in time
	 */
	static WyomingInfo describe(WyomingAddress address, String kind, Duration timeout) {
		String what = "asr".equals(kind) ? WyomingSpeechToText.WHAT : WyomingTextToSpeech.WHAT;
		try (WyomingConnection connection = WyomingConnection.open(address, timeout)) {
			connection.expireIn(timeout);
			connection.send("describe", null);
			for (int i = 0; i < 100; i++) {
				WyomingEvent event = connection.read();
				if ("info".equals(event.type())) {
					return parse(event, kind);
				}
			}
			throw new WyomingConnection.WyomingProtocolException("100 events without info");
		}
		catch (IOException ex) {
			throw WyomingFailures.of(what, address, ex);
		}
	}

	static WyomingInfo parse(WyomingEvent info, String kind) {
		String offers = "asr".equals(kind) ? "models" : "voices";
		List<Program> programs = new ArrayList<>();
		for (JsonNode program : info.data().path(kind)) {
			List<Offer> list = new ArrayList<>();
			for (JsonNode offer : program.path(offers)) {
				List<String> languages = new ArrayList<>();
				offer.path("languages").forEach((language) -> languages.add(language.asString("")));
				list.add(new Offer(offer.path("name").asString(""), List.copyOf(languages)));
			}
			programs.add(new Program(program.path("name").asString(""), List.copyOf(list)));
		}
		return new WyomingInfo(List.copyOf(programs));
	}

	/** Whether some model or voice speaks this ISO language ({@code pl}). */
	public boolean speaks(String language) {
		return this.programs.stream().flatMap((p) -> p.offers().stream()).anyMatch((o) -> o.speaks(language));
	}

	/** Whether a model or voice has this name. */
	public boolean offers(String name) {
		return this.programs.stream().flatMap((p) -> p.offers().stream()).anyMatch((o) -> o.name().equals(name));
	}

	/** One line for the log: programs, a few of their offers and their languages. */
	public String summary() {
		if (this.programs.isEmpty()) {
			return "nothing";
		}
		return this.programs.stream().map(WyomingInfo::summary).collect(Collectors.joining("; "));
	}

	private static String summary(Program program) {
		List<Offer> offers = program.offers();
		String listed = offers.stream()
			.limit(MAX_LISTED)
			.map((offer) -> offer.name() + " " + languages(offer.languages()))
			.collect(Collectors.joining(", "));
		String more = (offers.size() > MAX_LISTED) ? " and " + (offers.size() - MAX_LISTED) + " more" : "";
		return program.name() + " (" + (offers.isEmpty() ? "nothing listed" : listed + more) + ")";
	}

	private static String languages(List<String> languages) {
		if (languages.size() > MAX_LISTED) {
			return "[" + String.join(", ", languages.subList(0, MAX_LISTED)) + " ... " + languages.size()
					+ " languages]";
		}
		return languages.toString();
	}

}

package com.homemadealexa.homeassistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the entities a spoken name means, the way people say them: any case, with or
 * without Polish letters, inflected ("w kuchni" for "Kuchnia", "lampę" for "Lampa"), with
 * "the", "my", "w", "na" around it, in the plural for a group ("the lights", "światła w
 * salonie"), or by a kind of device and an area ("kitchen light" for an entity "Ceiling"
 * in the area "Kitchen").
 *
 * <p>
 * Words are compared by a crude stem (case endings and the English plural cut off), the
 * same on both sides, so "kuchnia", "kuchni" and "kuchnię" are one word. A name that fits
 * several entities is {@link Resolution.Ambiguous}, never a guess. Stateless and
 * thread-safe.
 */
final class SpokenNames {

	/** Polish locative endings that change the stem's last consonant. */
	private static final List<String[]> ALTERNATIONS = List.of(new String[] { "dzie", "d" },
			new String[] { "cie", "t" }, new String[] { "rze", "r" });

	private static final List<String> ENDINGS = List.of("owie", "ami", "ach", "ego", "emu", "iem", "ow", "om", "ie",
			"ia", "iu", "ej", "ym", "im", "a", "e", "i", "o", "u", "y");

	private static final Set<String> FILLERS = Set.of("the", "a", "an", "my", "our", "in", "on", "at", "of", "to",
			"please", "all", "every", "w", "we", "na", "do", "z", "ze", "od", "moj", "moja", "moje", "moich",
			"wszystkie", "wszystkich", "wszystko", "caly", "cala", "cale", "calym", "prosze");

	/** Words that make any name a group. */
	private static final Set<String> ALL_WORDS = Set.of("all", "every", "wszystkie", "wszystkich", "wszystko");

	/** Words naming a kind of device, by domain; "singular forms | plural forms". */
	private static final Map<String, String> KIND_WORDS = Map.of("light",
			"light lamp lampa lampe lampka lampke swiatlo | lights lamps lighting swiatla lampy lampki oswietlenie",
			"switch", "switch plug socket outlet gniazdko wlacznik | switches plugs sockets outlets gniazdka wlaczniki",
			"fan", "fan wentylator wiatrak | fans wentylatory wiatraki", "cover",
			"blind shade shutter curtain cover roleta rolete zaluzja zaslona zaslone markiza markize brama brame | "
					+ "blinds shades shutters curtains covers rolety zaluzje zaslony markizy",
			"media_player",
			"tv television telly speaker player telewizor telewizja telewizje glosnik | tvs speakers players glosniki",
			"climate",
			"heating heater thermostat ac klimatyzacja klimatyzacje ogrzewanie termostat grzejnik kaloryfer | "
					+ "heaters thermostats grzejniki kaloryfery");

	private static final Map<String, String> KIND_BY_STEM = new HashMap<>();

	private static final Set<String> PLURAL_FORMS = new LinkedHashSet<>();

	static {
		KIND_WORDS.forEach((domain, words) -> {
			String[] parts = words.split("\\|");
			for (String part : parts) {
				for (String word : part.strip().split(" ")) {
					KIND_BY_STEM.put(stem(word), domain);
				}
			}
			PLURAL_FORMS.addAll(List.of(parts[1].strip().split(" ")));
		});
	}

	private SpokenNames() {
	}

	/**
	 * @param spoken the name as heard
	 * @param entities the candidates
	 * @return which entities it means
	 */
	static Resolution resolve(String spoken, Collection<HomeEntity> entities) {
		Heard heard = Heard.of(spoken);
		if (heard.words().isEmpty()) {
			return new Resolution.Unknown(spoken.strip());
		}
		List<HomeEntity> exact = new ArrayList<>();
		List<HomeEntity> whole = new ArrayList<>();
		List<HomeEntity> partial = new ArrayList<>();
		for (HomeEntity entity : entities) {
			if (!heard.kinds().isEmpty() && !heard.kinds().contains(entity.domain())) {
				continue;
			}
			List<Set<String>> names = names(entity);
			if (names.stream().anyMatch(heard.words()::equals)) {
				exact.add(entity);
				continue;
			}
			Set<String> all = new LinkedHashSet<>();
			names.forEach(all::addAll);
			all.addAll(words(entity.entityId().substring(entity.entityId().indexOf('.') + 1)));
			all.addAll(words(entity.area()));
			if (all.containsAll(heard.words())) {
				whole.add(entity);
			}
			else if (all.containsAll(heard.qualifiers())) {
				partial.add(entity);
			}
		}
		if (heard.plural()) {
			List<HomeEntity> group = new ArrayList<>(exact);
			group.addAll(whole);
			group.addAll(partial);
			return switch (group.size()) {
				case 0 -> new Resolution.Unknown(spoken.strip());
				case 1 -> new Resolution.One(group.getFirst());
				default -> new Resolution.Group(group);
			};
		}
		if (heard.qualifiers().isEmpty() && exact.isEmpty()) {
			// Only a kind of device ("the light"): one that happens to have the word in
			// its name is no better a guess than the others.
			whole.addAll(partial);
			partial.clear();
		}
		for (List<HomeEntity> level : List.of(exact, whole, partial)) {
			if (level.size() == 1) {
				return new Resolution.One(level.getFirst());
			}
			if (level.size() > 1) {
				return new Resolution.Ambiguous(level);
			}
		}
		return new Resolution.Unknown(spoken.strip());
	}

	private static List<Set<String>> names(HomeEntity entity) {
		List<Set<String>> names = new ArrayList<>();
		names.add(words(entity.name()));
		entity.aliases().forEach((alias) -> names.add(words(alias)));
		return names;
	}

	/**
	 * @return the stems of the meaningful words
	 */
	static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : plain(text).split(" ")) {
			if (word.length() > 1 && !FILLERS.contains(word) || word.chars().allMatch(Character::isDigit)) {
				if (!word.isEmpty()) {
					words.add(stem(word));
				}
			}
		}
		return words;
	}

	/**
	 * @return lower case without diacritics, punctuation or repeated spaces
	 */
	static String plain(String text) {
		String lower = text.toLowerCase(Locale.ROOT).replace('ł', 'l');
		String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return bare.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	static String stem(String word) {
		if (word.length() <= 3 || word.chars().anyMatch(Character::isDigit)) {
			return word;
		}
		String stem = word;
		if (stem.endsWith("ies") && stem.length() > 4) {
			stem = stem.substring(0, stem.length() - 3) + "y";
		}
		else if (stem.endsWith("ches") || stem.endsWith("shes") || stem.endsWith("xes") || stem.endsWith("sses")) {
			stem = stem.substring(0, stem.length() - 2);
		}
		else if (stem.endsWith("s") && !stem.endsWith("ss") && !stem.endsWith("us") && !stem.endsWith("is")) {
			stem = stem.substring(0, stem.length() - 1);
		}
		stem = polishEnding(stem);
		if (stem.endsWith("c")) {
			// łazienka, łazience; lampka, lampce
			stem = stem.substring(0, stem.length() - 1) + "k";
		}
		return stem;
	}

	private static String polishEnding(String word) {
		for (String[] alternation : ALTERNATIONS) {
			if (word.endsWith(alternation[0]) && word.length() - alternation[0].length() >= 3) {
				return word.substring(0, word.length() - alternation[0].length()) + alternation[1];
			}
		}
		for (String ending : ENDINGS) {
			if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
				return word.substring(0, word.length() - ending.length());
			}
		}
		return word;
	}

	/**
	 * A spoken name taken apart.
	 *
	 * @param words stems of every meaningful word
	 * @param qualifiers the words that are not a kind of device
	 * @param kinds the domains the kind words mean; empty when none was said
	 * @param plural a group was asked for
	 */
	record Heard(Set<String> words, Set<String> qualifiers, Set<String> kinds, boolean plural) {

		static Heard of(String spoken) {
			String plain = plain(spoken);
			Set<String> words = SpokenNames.words(plain);
			Set<String> qualifiers = new LinkedHashSet<>();
			Set<String> kinds = new LinkedHashSet<>();
			for (String word : words) {
				String kind = KIND_BY_STEM.get(word);
				if (kind != null) {
					kinds.add(kind);
				}
				else {
					qualifiers.add(word);
				}
			}
			boolean plural = false;
			for (String word : plain.split(" ")) {
				plural |= ALL_WORDS.contains(word) || PLURAL_FORMS.contains(word);
			}
			return new Heard(words, qualifiers, kinds, plural);
		}

	}

	/**
	 * What a spoken name means.
	 */
	sealed interface Resolution {

		/** Exactly one entity. */
		record One(HomeEntity entity) implements Resolution {
		}

		/** Several entities, asked for as a group ("the lights"). */
		record Group(List<HomeEntity> entities) implements Resolution {
		}

		/** Several entities fit a name meant for one: ask which. */
		record Ambiguous(List<HomeEntity> entities) implements Resolution {
		}

		/** Nothing fits. */
		record Unknown(String spoken) implements Resolution {
		}

	}

}

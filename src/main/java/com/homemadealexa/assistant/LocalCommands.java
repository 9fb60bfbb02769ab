package com.homemadealexa.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.homemadealexa.config.ConfigurationException;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentence templates that answer common commands without the LLM, like Home Assistant's
 * local intents. Built-in templates come from {@code templates/<language>.txt} in the
 * jar; a household adds its own in {@code [assistant] templates_dir} (files named
 * {@code <language>*.txt}, e.g. {@code pl-mine.txt}). Matching is strict: the whole
 * utterance must fit a template.
 *
 * <p>
 * File format: {@code [skill_name]} starts a skill's templates, one template a line,
 * {@code #} starts a comment; see {@link SentenceTemplate} for the template syntax.
 */
final class LocalCommands {

	private static final Logger log = LoggerFactory.getLogger(LocalCommands.class);

	private static final List<String> BUILT_IN_LANGUAGES = List.of("pl", "en");

	private final List<SentenceTemplate> templates;

	private final SkillCatalog skills;

	LocalCommands(List<SentenceTemplate> templates, SkillCatalog skills) {
		this.templates = List.copyOf(templates);
		this.skills = skills;
	}

	/**
	 * Loads the built-in templates of every language, the household's first (a Polish
	 * household can still say "what time is it"), then the household's own files.
	 */
	static LocalCommands load(Locale household, Path userFolder, SkillCatalog skills) {
		List<SentenceTemplate> templates = new ArrayList<>();
		for (String language : householdFirst(household)) {
			String resource = "templates/" + language + ".txt";
			try (InputStream builtIn = LocalCommands.class.getResourceAsStream("/" + resource)) {
				if (builtIn != null) {
					templates
						.addAll(parse(new String(builtIn.readAllBytes(), StandardCharsets.UTF_8), resource, skills));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (Files.isDirectory(userFolder)) {
			try (Stream<Path> files = Files.list(userFolder)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
					templates.addAll(parse(Files.readString(file), file.toString(), skills));
					log.info("Local command templates added from {}", file);
				}
			}
			catch (IOException ex) {
				throw new ConfigurationException(
						"The templates folder " + userFolder + " ([assistant] templates_dir) cannot be read: " + ex);
			}
		}
		return new LocalCommands(templates, skills);
	}

	private static List<String> householdFirst(Locale household) {
		List<String> languages = new ArrayList<>(BUILT_IN_LANGUAGES);
		languages.remove(household.getLanguage());
		languages.addFirst(household.getLanguage());
		return languages;
	}

	static List<SentenceTemplate> parse(String text, String origin, SkillCatalog skills) {
		List<SentenceTemplate> templates = new ArrayList<>();
		String skill = null;
		int number = 0;
		for (String raw : text.lines().toList()) {
			number++;
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]") && line.matches("\\[[a-z0-9_]+]")) {
				skill = line.substring(1, line.length() - 1);
				continue;
			}
			if (skill == null) {
				throw new ConfigurationException(origin + " line " + number + ": a template comes before any [skill].");
			}
			if (skills.find(skill).isEmpty()) {
				// A template of a skill this server does not have (e.g. no MQTT): skip
				// it.
				continue;
			}
			try {
				templates.add(SentenceTemplate.parse(skill, line));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException(origin + " line " + number + ": " + ex.getMessage() + ".");
			}
		}
		return templates;
	}

	static final int MAX_CHARS = 200;

	int size() {
		return this.templates.size();
	}

	/**
	 * @return the first skill call whose template fits the whole utterance; none for an
	 * utterance longer than {@value #MAX_CHARS} characters
	 */
	Optional<LocalMatch> match(String utterance, LocalDateTime now) {
		// Commands are short, and templates with several free slots can backtrack
		// polynomially in the length of the text: a long transcript goes to the model.
		if (utterance.length() > MAX_CHARS) {
			return Optional.empty();
		}
		String text = TextNormalizer.normalize(utterance);
		for (SentenceTemplate template : this.templates) {
			Optional<Map<String, String>> slots = template.match(text);
			if (slots.isEmpty()) {
				continue;
			}
			Skill skill = this.skills.find(template.skill()).orElseThrow();
			Optional<Map<String, Object>> arguments = arguments(template, slots.get(), skill, now);
			if (arguments.isPresent() && skill.claims(arguments.get())) {
				return Optional.of(new LocalMatch(skill, arguments.get()));
			}
		}
		return Optional.empty();
	}

	private static Optional<Map<String, Object>> arguments(SentenceTemplate template, Map<String, String> slots,
			Skill skill, LocalDateTime now) {
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		skill.parameters().forEach((parameter) -> parameters.put(parameter.name(), parameter));
		Map<String, Object> arguments = new LinkedHashMap<>(template.fixed());
		for (Map.Entry<String, String> slot : slots.entrySet()) {
			String value = slot.getValue();
			if ("time".equals(template.slots().get(slot.getKey()))) {
				Optional<LocalDateTime> time = SpokenTime.parse(value, now);
				if (time.isEmpty()) {
					return Optional.empty();
				}
				arguments.put(slot.getKey(), time.get().toString());
				continue;
			}
			Parameter parameter = parameters.get(slot.getKey());
			Optional<?> spoken = switch (parameter) {
				case Parameter.Whole whole -> number(value, true);
				case Parameter.Decimal decimal -> number(value, false);
				case Parameter.Choice choice -> choice.values()
					.stream()
					.filter((candidate) -> TextNormalizer.looselyEqual(value, candidate))
					.findFirst();
				case null, default -> Optional.of(value);
			};
			if (spoken.isEmpty()) {
				return Optional.empty();
			}
			arguments.put(slot.getKey(), spoken.get());
		}
		return Optional.of(arguments);
	}

	/**
	 * Reads a spoken number ("40", "21.5", "21,5"; a template's normalised text has lost
	 * the dot, so "21 5" is read as 21.5 too).
	 */
	private static Optional<Number> number(String spoken, boolean integer) {
		String text = spoken.strip().replace(',', '.').replaceAll("^(-?\\d+) (\\d+)$", "$1.$2");
		if (!text.matches("-?\\d{1,6}(\\.\\d{1,3})?")) {
			return Optional.empty();
		}
		if (integer) {
			return text.contains(".") ? Optional.empty() : Optional.of(Long.parseLong(text));
		}
		return Optional.of(Double.parseDouble(text));
	}

	/**
	 * A template matched: the skill to run and its arguments (not yet validated).
	 *
	 * @param skill the skill
	 * @param arguments argument values
	 */
	record LocalMatch(Skill skill, Map<String, Object> arguments) {
	}

}

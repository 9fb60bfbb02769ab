package com.homemadealexa.assistant;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.homemadealexa.skill.SkillCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped templates against the real skills: every skill is reachable in Polish (with
 * and without diacritics) and English, the arguments fit each skill's schema, and near
 * misses go to the LLM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BuiltInTemplatesTest {

	private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-23T14:05:00");

	@TempDir
	static Path data;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("data.dir", () -> data.resolve("data").toString());
		registry.add("firmware.dir", () -> data.resolve("firmware").toString());
	}

	@Autowired
	SkillCatalog skills;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Alexa?                                     | wake_name
			Stop.                                      | stop
			Dziękuję bardzo                            | stop
			Zmień temat                                | new_topic
			Która jest godzina?                        | get_time
			ktora jest godzina                         | get_time
			Jaki jest dziś dzień?                      | get_date
			Jaka jest dzisiaj data                     | get_date
			Dzień dobry!                               | small_talk
			Dobranoc                                   | small_talk
			Powiedz: kocham poniedziałki               | say
			Przypomnij mi o 15:30, żeby wyjść z psem.  | set_reminder
			przypomnij mi za 20 minut zeby wylaczyc piekarnik | set_reminder
			Jakie mam przypomnienia?                   | list_reminders
			Jaka jest dziś pogoda?                     | get_weather
			Włącz światło                              | lights
			zgas lampe                                 | lights
			Wyłącz telewizor                           | tv
			Usuń przypomnienie o 15:30                 | delete_reminder
			""")
	void polishCommandsMatchTheirSkill(String utterance, String skill) {
		assertThat(match(Locale.forLanguageTag("pl-PL"), utterance)).as(utterance)
			.hasValueSatisfying((found) -> assertThat(found.skill().name()).isEqualTo(skill));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Hey Alexa                                  | wake_name
			Thank you                                  | stop
			That's all.                                | stop
			Let's start over                           | new_topic
			What time is it?                           | get_time
			What's the date today?                     | get_date
			What day of the week is it                 | get_date
			Good night                                 | small_talk
			How are you?                               | small_talk
			Say hello world                            | say
			Remind me at 7:30 to call mum              | set_reminder
			Remind me in half an hour to check the oven| set_reminder
			What reminders do I have?                  | list_reminders
			What's the weather like today?             | get_weather
			Turn off the lights                        | lights
			Switch on the lamp light                   | lights
			Turn on the TV                             | tv
			Delete the reminder at 15:30               | delete_reminder
			""")
	void englishCommandsMatchTheirSkill(String utterance, String skill) {
		assertThat(match(Locale.US, utterance)).as(utterance)
			.hasValueSatisfying((found) -> assertThat(found.skill().name()).isEqualTo(skill));
	}

	@ParameterizedTest
	@ValueSource(strings = { "która jest godzina w Tokio", "what time is it in Tokyo", "alexa opowiedz bajkę",
			"przypomnij mi kiedyś żeby wyjść", "remind me tomorrow maybe", "stop the music in the kitchen",
			"what is the date of easter", "jakie mam plany na jutro" })
	void nearMissesAreLeftToTheModel(String utterance) {
		assertThat(match(Locale.forLanguageTag("pl-PL"), utterance)).as(utterance).isEmpty();
	}

	@Test
	void slotsBecomeValidArguments() {
		LocalCommands.LocalMatch reminder = match(Locale.forLanguageTag("pl-PL"),
				"Przypomnij mi o 15:30, żeby wyjść z psem.")
			.orElseThrow();
		assertThat(reminder.arguments())
			.isEqualTo(Map.of("scheduled_at", "2026-11-23T15:30", "reminder_text", "wyjść z psem"));
		assertThat(this.skills.validate(reminder.skill(), reminder.arguments()).values()).hasSize(2);
		LocalCommands.LocalMatch early = match(Locale.US, "remind me at 9 to water the plants").orElseThrow();
		assertThat(early.arguments()).containsEntry("scheduled_at", "2026-11-24T09:00");
		LocalCommands.LocalMatch lamp = match(Locale.US, "turn on the lamp light").orElseThrow();
		assertThat(lamp.arguments()).isEqualTo(Map.of("state", "on", "device", "lamp"));
		assertThat(this.skills.validate(lamp.skill(), lamp.arguments()).values()).hasSize(2);
		LocalCommands.LocalMatch say = match(Locale.US, "Say: I love Mondays!").orElseThrow();
		assertThat(say.arguments()).containsEntry("text", "i love mondays");
	}

	private Optional<LocalCommands.LocalMatch> match(Locale household, String utterance) {
		LocalCommands commands = LocalCommands.load(household, data.resolve("no-templates"), this.skills);
		return commands.match(utterance, NOW);
	}

}

package com.homemadealexa.reminder;

import com.homemadealexa.i18n.PhrasesTestData;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reminder skills on a fixed clock (Wednesday 2026-05-13 10:00 in Warsaw), with an
 * in-memory store and the real phrases.
 */
class ReminderSkillsTest {

	private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 5, 13, 10, 0, 0, 0, ZoneId.of("Europe/Warsaw"));

	private final InMemoryReminders reminders = new InMemoryReminders();

	private static SkillContext context(Locale locale) {
		return new SkillContext("kitchen", locale, NOW);
	}

	private static Skills skills(Locale locale, Reminders reminders) {
		Phrases phrases = PhrasesTestData.phrases(locale);
		FriendlyTime friendlyTime = new FriendlyTime(phrases);
		ReminderListing listing = new ReminderListing(phrases, friendlyTime);
		return new Skills(new SetReminderSkill(reminders, phrases, friendlyTime),
				new ListRemindersSkill(reminders, phrases, listing),
				new DeleteReminderSkill(reminders, phrases, listing));
	}

	private record Skills(SetReminderSkill set, ListRemindersSkill list, DeleteReminderSkill delete) {

	}

	@Nested
	class SetReminder {

		private final Skills polish = skills(PhrasesTestData.POLISH, ReminderSkillsTest.this.reminders);

		private SkillResult set(Skills skills, Locale locale, String at, String text) {
			return skills.set()
				.execute(new SkillArguments(Map.of("scheduled_at", at, "reminder_text", text)), context(locale));
		}

		@Test
		void schedulesAndConfirmsWithTheFriendlyTime() {
			SkillResult result = set(this.polish, PhrasesTestData.POLISH, "2026-05-14T07:00:00", "wynieść śmieci");
			assertThat(result.end()).isTrue();
			assertThat(result.phrases()).isNotEmpty()
				.allSatisfy((phrase) -> assertThat(phrase).contains("jutro o 7:00").contains("wynieść śmieci"));
			assertThat(result.phrases()).contains("Dobrze, przypomnę jutro o 7:00: wynieść śmieci.");
			assertThat(ReminderSkillsTest.this.reminders.list()).extracting(Reminder::scheduledAt, Reminder::text)
				.containsExactly(tuple(LocalDateTime.of(2026, 5, 14, 7, 0), "wynieść śmieci"));
		}

		@Test
		void confirmsInEnglish() {
			Skills english = skills(PhrasesTestData.ENGLISH, ReminderSkillsTest.this.reminders);
			SkillResult result = set(english, PhrasesTestData.ENGLISH, "2026-05-15T09:00:00", "call mum");
			assertThat(result.end()).isTrue();
			assertThat(result.phrases()).contains("OK, I will remind you on Friday at 9:00: call mum.");
		}

		@Test
		void rejectsReminderInThePast() {
			SkillResult result = set(this.polish, PhrasesTestData.POLISH, "2026-05-13T09:59:00", "wynieść śmieci");
			assertThat(result.end()).isFalse();
			assertThat(result.phrases()).contains("Ta chwila już minęła. Podaj proszę czas w przyszłości.");
			assertThat(ReminderSkillsTest.this.reminders.list()).isEmpty();
		}

		@Test
		void rejectsReminderAtThisVeryMoment() {
			SkillResult result = set(this.polish, PhrasesTestData.POLISH, "2026-05-13T10:00:00", "teraz");
			assertThat(result.label()).isEqualTo("reminder in the past");
			assertThat(ReminderSkillsTest.this.reminders.list()).isEmpty();
		}

		@Test
		void explainsAnUnreadableTime() {
			SkillResult result = set(this.polish, PhrasesTestData.POLISH, "jutro o siódmej", "wynieść śmieci");
			assertThat(result.end()).isFalse();
			assertThat(result.phrases())
				.containsExactly("Nie rozumiem, na kiedy ustawić przypomnienie. Podaj proszę dzień i godzinę.");
			assertThat(ReminderSkillsTest.this.reminders.list()).isEmpty();
		}

		@Test
		void asksWhatToRemindAboutWhenTheTextIsBlank() {
			SkillResult result = set(this.polish, PhrasesTestData.POLISH, "2026-05-14T07:00:00", "  ");
			assertThat(result.end()).isFalse();
			assertThat(result.phrases()).containsExactly("O czym mam przypomnieć?");
			assertThat(ReminderSkillsTest.this.reminders.list()).isEmpty();
		}

	}

	@Nested
	class ListReminders {

		private SkillResult list(Locale locale) {
			return skills(locale, ReminderSkillsTest.this.reminders).list()
				.execute(SkillArguments.none(), context(locale));
		}

		private void add(int count) {
			for (int i = 0; i < count; i++) {
				ReminderSkillsTest.this.reminders.schedule(LocalDateTime.of(2026, 6, 1, 8, 0).plusMinutes(i), "r" + i);
			}
		}

		@Test
		void saysThereAreNone() {
			assertThat(list(PhrasesTestData.POLISH).phrases()).containsExactly("Nie masz żadnych przypomnień.");
			assertThat(list(PhrasesTestData.ENGLISH).phrases()).containsExactly("You have no reminders.");
		}

		@Test
		void readsThemEarliestFirstWithFriendlyTimes() {
			ReminderSkillsTest.this.reminders.schedule(LocalDateTime.of(2026, 5, 14, 7, 0), "podlać kwiaty");
			ReminderSkillsTest.this.reminders.schedule(LocalDateTime.of(2026, 5, 13, 15, 30), "wyprowadzić psa");
			SkillResult polish = list(PhrasesTestData.POLISH);
			assertThat(polish.end()).isFalse();
			assertThat(polish.phrases())
				.containsExactly("Masz 2 przypomnienia: dziś o 15:30 — wyprowadzić psa, jutro o 7:00 — podlać kwiaty.");
			assertThat(list(PhrasesTestData.ENGLISH).phrases()).containsExactly(
					"You have 2 reminders: today at 15:30 — wyprowadzić psa, tomorrow at 7:00 — podlać kwiaty.");
		}

		@Test
		void countsOneReminder() {
			add(1);
			assertThat(list(PhrasesTestData.POLISH).phrases().getFirst()).startsWith("Masz 1 przypomnienie: ");
			assertThat(list(PhrasesTestData.ENGLISH).phrases().getFirst()).startsWith("You have 1 reminder: ");
		}

		@Test
		void countsFiveReminders() {
			add(5);
			assertThat(list(PhrasesTestData.POLISH).phrases().getFirst()).startsWith("Masz 5 przypomnień: ");
			assertThat(list(PhrasesTestData.ENGLISH).phrases().getFirst()).startsWith("You have 5 reminders: ");
		}

		@Test
		void countsTwelveAndTwentyTwoReminders() {
			add(12);
			assertThat(list(PhrasesTestData.POLISH).phrases().getFirst()).startsWith("Masz 12 przypomnień: ");
			add(10);
			assertThat(list(PhrasesTestData.POLISH).phrases().getFirst()).startsWith("Masz 22 przypomnienia: ");
		}

	}

	@Nested
	class DeleteReminder {

		private SkillResult delete(Locale locale, String at) {
			return skills(locale, ReminderSkillsTest.this.reminders).delete()
				.execute(new SkillArguments(Map.of("scheduled_at", at)), context(locale));
		}

		@Test
		void removesEveryReminderAtThatHourAndMinuteAndSaysWhich() {
			InMemoryReminders store = ReminderSkillsTest.this.reminders;
			store.schedule(LocalDateTime.of(2026, 5, 13, 15, 30), "wyprowadzić psa");
			store.schedule(LocalDateTime.of(2026, 5, 20, 15, 30), "zapłacić rachunki");
			store.schedule(LocalDateTime.of(2026, 5, 13, 15, 31), "zostaje");
			SkillResult result = delete(PhrasesTestData.POLISH, "2026-05-13T15:30:00");
			assertThat(result.end()).isTrue();
			assertThat(result.phrases()).containsExactly(
					"Usunięto 2 przypomnienia: dziś o 15:30 — wyprowadzić psa, za tydzień o 15:30 — zapłacić rachunki.");
			assertThat(store.list()).extracting(Reminder::text).containsExactly("zostaje");
		}

		@Test
		void acceptsABareTime() {
			ReminderSkillsTest.this.reminders.schedule(LocalDateTime.of(2026, 5, 14, 7, 0), "call mum");
			SkillResult result = delete(PhrasesTestData.ENGLISH, "07:00");
			assertThat(result.phrases()).containsExactly("Removed 1 reminder: tomorrow at 7:00 — call mum.");
			assertThat(ReminderSkillsTest.this.reminders.list()).isEmpty();
		}

		@Test
		void saysThereIsNoneAtThatTime() {
			ReminderSkillsTest.this.reminders.schedule(LocalDateTime.of(2026, 5, 14, 7, 0), "call mum");
			SkillResult result = delete(PhrasesTestData.POLISH, "2026-05-14T15:30:00");
			assertThat(result.end()).isTrue();
			assertThat(result.phrases()).containsExactly("Nie masz przypomnienia o 15:30.");
			assertThat(ReminderSkillsTest.this.reminders.list()).hasSize(1);
		}

		@Test
		void explainsAnUnreadableTime() {
			SkillResult result = delete(PhrasesTestData.ENGLISH, "half past three");
			assertThat(result.end()).isFalse();
			assertThat(result.phrases()).containsExactly("I did not understand the time of the reminder to remove.");
		}

	}

}

package com.homemadealexa.reminder;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * "Remind me tomorrow at seven to water the plants." Refuses times that have passed or
 * cannot be read, with a spoken explanation, and keeps listening so the user can correct
 * it; otherwise confirms with the friendly time and ends the conversation.
 */
@Component
class SetReminderSkill implements Skill {

	static final String SCHEDULED_AT = "scheduled_at";

	static final String REMINDER_TEXT = "reminder_text";

	private final Reminders reminders;

	private final Phrases phrases;

	private final FriendlyTime friendlyTime;

	SetReminderSkill(Reminders reminders, Phrases phrases, FriendlyTime friendlyTime) {
		this.reminders = reminders;
		this.phrases = phrases;
		this.friendlyTime = friendlyTime;
	}

	@Override
	public String name() {
		return "set_reminder";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "reminders.set.description");
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.text(SCHEDULED_AT,
				"When to remind, as an ISO-8601 local date-time in the household's time zone, e.g. 2026-05-14T15:30:00. "
						+ "Compute it from the current date and time for phrases like 'in an hour' or 'tomorrow at 7'."),
				Parameter.text(REMINDER_TEXT, "What to remind about, in the user's language and words"));
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		LocalDateTime now = context.now().toLocalDateTime();
		String text = arguments.string(REMINDER_TEXT).strip();
		if (text.isEmpty()) {
			return SkillResult.say("reminder without text", this.phrases.all(locale, "reminders.set.no-text"));
		}
		Optional<LocalDateTime> at = ReminderTimes.parseDateTime(arguments.string(SCHEDULED_AT),
				context.now().getZone());
		if (at.isEmpty()) {
			return SkillResult.say("unreadable reminder time", this.phrases.all(locale, "reminders.set.unparseable"));
		}
		if (!at.get().isAfter(now)) {
			return inThePast(locale);
		}
		Reminder reminder;
		try {
			reminder = this.reminders.schedule(at.get(), text);
		}
		catch (ReminderRejectedException ex) {
			return switch (ex.reason()) {
				case PAST -> inThePast(locale);
				case TOO_FAR ->
					SkillResult.say("reminder too far ahead", this.phrases.all(locale, "reminders.set.too-far"));
				case TOO_LONG ->
					SkillResult.say("reminder text too long", this.phrases.all(locale, "reminders.set.too-long"));
				case BLANK ->
					SkillResult.say("reminder without text", this.phrases.all(locale, "reminders.set.no-text"));
				case UNREADABLE ->
					SkillResult.say("unreadable reminder time", this.phrases.all(locale, "reminders.set.unparseable"));
			};
		}
		String when = this.friendlyTime.describe(reminder.scheduledAt(), now, locale);
		return SkillResult
			.say("reminder set for " + reminder.scheduledAt(),
					this.phrases.all(locale, "reminders.set.done", when, reminder.text()))
			.ending();
	}

	private SkillResult inThePast(Locale locale) {
		return SkillResult.say("reminder in the past", this.phrases.all(locale, "reminders.set.past"));
	}

}

package com.homemadealexa.reminder;

import java.time.LocalTime;
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
 * "Delete the reminder at 15:30." Removes every reminder at that hour and minute, on any
 * date, and says which ones went (or that there was none).
 */
@Component
class DeleteReminderSkill implements Skill {

	static final String SCHEDULED_AT = "scheduled_at";

	private final Reminders reminders;

	private final Phrases phrases;

	private final ReminderListing listing;

	DeleteReminderSkill(Reminders reminders, Phrases phrases, ReminderListing listing) {
		this.reminders = reminders;
		this.phrases = phrases;
		this.listing = listing;
	}

	@Override
	public String name() {
		return "delete_reminder";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "reminders.delete.description");
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.text(SCHEDULED_AT,
				"The time of the reminder to remove, as an ISO-8601 local date-time, e.g. 2026-05-14T15:30:00. "
						+ "Only the hour and minute are used: every reminder at that time is removed."));
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		Optional<LocalTime> time = ReminderTimes.parseTime(arguments.string(SCHEDULED_AT), context.now().getZone());
		if (time.isEmpty()) {
			return SkillResult.say("unreadable reminder time",
					this.phrases.all(locale, "reminders.delete.unparseable"));
		}
		List<Reminder> removed = this.reminders.deleteAt(time.get().getHour(), time.get().getMinute());
		String clock = ReminderTimes.clock(time.get());
		if (removed.isEmpty()) {
			return SkillResult.say("no reminder at " + clock, this.phrases.all(locale, "reminders.delete.none", clock))
				.ending();
		}
		String items = this.listing.items(removed, context.now().toLocalDateTime(), locale);
		return SkillResult
			.say(removed.size() + " reminders removed at " + clock, this.phrases.all(locale, "reminders.delete.done",
					Integer.toString(removed.size()), this.listing.noun(removed.size(), locale), items))
			.ending();
	}

}

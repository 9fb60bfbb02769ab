package com.homemadealexa.reminder;

import java.util.List;
import java.util.Locale;

import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;

import org.springframework.stereotype.Component;

/**
 * "What reminders do I have?" Reads them all, earliest first, with friendly times.
 */
@Component
class ListRemindersSkill implements Skill {

	private final Reminders reminders;

	private final Phrases phrases;

	private final ReminderListing listing;

	ListRemindersSkill(Reminders reminders, Phrases phrases, ReminderListing listing) {
		this.reminders = reminders;
		this.phrases = phrases;
		this.listing = listing;
	}

	@Override
	public String name() {
		return "list_reminders";
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "reminders.list.description");
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		List<Reminder> all = this.reminders.list();
		if (all.isEmpty()) {
			return SkillResult.say("no reminders", this.phrases.all(locale, "reminders.list.none"));
		}
		String items = this.listing.items(all, context.now().toLocalDateTime(), locale);
		return SkillResult.say(all.size() + " reminders", this.phrases.all(locale, "reminders.list.some",
				Integer.toString(all.size()), this.listing.noun(all.size(), locale), items));
	}

}

package com.homemadealexa.reminder;

import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The household's reminders, stored persistently: they survive restarts and are delivered
 * once when due (spoken, shown on the devices, and published as {@link ReminderDue}).
 * Times are local date-times in the household's time zone
 * ({@code [assistant] time_zone}).
 *
 * <p>
 * Thread-safe. Calls go to the database and may block briefly.
 */
public interface Reminders {

	/** How far ahead a reminder may be set. */
	Period HORIZON = Period.ofYears(10);

	/** The longest reminder text, in characters (it is spoken and shown on a screen). */
	int MAX_TEXT_CHARS = 500;

	/**
	 * Schedules a reminder. A time that does not exist on the household's clock (the hour
	 * skipped when daylight saving starts) is moved forward by the gap, and the returned
	 * reminder carries the time it will really fire.
	 * @param at when it is due; must be in the future and within {@link #HORIZON}
	 * (seconds kept, nanos dropped)
	 * @param text what to remind about, not blank, at most {@link #MAX_TEXT_CHARS}
	 * @return the stored reminder with its new id
	 * @throws ReminderRejectedException when the time has passed or is too far, or the
	 * text is blank or too long
	 */
	Reminder schedule(LocalDateTime at, String text);

	/**
	 * @return the reminders not yet delivered, earliest first
	 */
	List<Reminder> list();

	/**
	 * @return the reminder with this id, if it is not yet delivered
	 */
	Optional<Reminder> find(String id);

	/**
	 * Deletes every reminder due at this hour and minute, on any date.
	 * @return the deleted reminders, earliest first; empty when none matched
	 */
	List<Reminder> deleteAt(int hour, int minute);

	/**
	 * Deletes one reminder.
	 * @return whether it existed
	 */
	boolean delete(String id);

}

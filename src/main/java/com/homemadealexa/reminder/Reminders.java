package com.homemadealexa.reminder;

import java.time.LocalDateTime;
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

	/**
	 * Schedules a reminder.
	 * @param at when it is due; must be in the future (seconds kept, nanos dropped)
	 * @param text what to remind about, not blank
	 * @return the stored reminder with its new id
	 * @throws ReminderRejectedException when the time has passed or the text is blank
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

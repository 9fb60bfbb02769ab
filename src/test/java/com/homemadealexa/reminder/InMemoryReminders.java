package com.homemadealexa.reminder;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Reminders} in memory, for unit tests of the skills. It accepts any time: the
 * skills must do their own checks against the conversation's clock.
 */
class InMemoryReminders implements Reminders {

	private final Map<String, Reminder> reminders = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	@Override
	public Reminder schedule(LocalDateTime at, String text) {
		Reminder reminder = new Reminder("r" + this.ids.incrementAndGet(), at, text);
		this.reminders.put(reminder.id(), reminder);
		return reminder;
	}

	@Override
	public List<Reminder> list() {
		List<Reminder> all = new ArrayList<>(this.reminders.values());
		all.sort(Comparator.comparing(Reminder::scheduledAt).thenComparing(Reminder::id));
		return all;
	}

	@Override
	public Optional<Reminder> find(String id) {
		return Optional.ofNullable(this.reminders.get(id));
	}

	@Override
	public List<Reminder> deleteAt(int hour, int minute) {
		List<Reminder> deleted = list().stream()
			.filter((r) -> r.scheduledAt().getHour() == hour && r.scheduledAt().getMinute() == minute)
			.toList();
		deleted.forEach((r) -> this.reminders.remove(r.id()));
		return deleted;
	}

	@Override
	public boolean delete(String id) {
		return this.reminders.remove(id) != null;
	}

}

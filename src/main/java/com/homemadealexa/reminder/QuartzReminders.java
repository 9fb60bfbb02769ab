package com.homemadealexa.reminder;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.homemadealexa.config.AssistantSettings;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Reminders as Quartz jobs in the JDBC job store: one durable job (holding the text and
 * the local due time) and one one-shot {@code SimpleTrigger} per reminder, both named by
 * the reminder's id. The job deletes itself once it ran, so what is left in the group is
 * what is still to come.
 */
@Component
class QuartzReminders implements Reminders, SmartInitializingSingleton {

	static final String GROUP = "reminders";

	static final String TEXT = "text";

	static final String SCHEDULED_AT = "scheduled_at";

	private static final Logger log = LoggerFactory.getLogger(QuartzReminders.class);

	private final Scheduler scheduler;

	private final ZoneId zone;

	private final Clock clock;

	QuartzReminders(Scheduler scheduler, AssistantSettings assistant) {
		this.scheduler = scheduler;
		this.zone = assistant.zone();
		this.clock = Clock.system(this.zone);
	}

	@Override
	public Reminder schedule(LocalDateTime at, String text) {
		if (text.isBlank()) {
			throw new ReminderRejectedException(ReminderRejectedException.Reason.BLANK, "The reminder text is blank");
		}
		if (text.strip().length() > MAX_TEXT_CHARS) {
			throw new ReminderRejectedException(ReminderRejectedException.Reason.TOO_LONG,
					"The reminder text is longer than " + MAX_TEXT_CHARS + " characters");
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		if (at.isAfter(now.plus(HORIZON))) {
			throw new ReminderRejectedException(ReminderRejectedException.Reason.TOO_FAR,
					"The time " + at + " is more than " + HORIZON.getYears() + " years ahead");
		}
		// In the daylight-saving gap, atZone moves the time forward by the gap: keep the
		// time it will really fire, so it is said and listed as such.
		LocalDateTime due = at.truncatedTo(ChronoUnit.SECONDS).atZone(this.zone).toLocalDateTime();
		Date startAt = Date.from(due.atZone(this.zone).toInstant());
		if (!startAt.toInstant().isAfter(this.clock.instant())) {
			throw new ReminderRejectedException(ReminderRejectedException.Reason.PAST,
					"The time " + due + " has already passed");
		}
		Reminder reminder = new Reminder(UUID.randomUUID().toString(), due, text.strip());
		JobDetail job = JobBuilder.newJob(ReminderJob.class)
			.withIdentity(reminder.id(), GROUP)
			.storeDurably()
			// Never re-run after a crash mid-delivery: a reminder is spoken at most once.
			.requestRecovery(false)
			.usingJobData(TEXT, reminder.text())
			.usingJobData(SCHEDULED_AT, reminder.scheduledAt().toString())
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(reminder.id(), GROUP)
			.forJob(job)
			.startAt(startAt)
			// A late trigger fires once, now; ReminderJob drops it if it fell due while
			// the server was down for longer than the grace.
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			this.scheduler.scheduleJob(job, trigger);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The reminder could not be stored", ex);
		}
		log.info("Reminder {} scheduled at {}", reminder.id(), reminder.scheduledAt());
		return reminder;
	}

	@Override
	public List<Reminder> list() {
		try {
			List<Reminder> reminders = new ArrayList<>();
			for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
				pending(key).ifPresent(reminders::add);
			}
			reminders.sort(Comparator.comparing(Reminder::scheduledAt).thenComparing(Reminder::id));
			return reminders;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The reminders could not be read", ex);
		}
	}

	@Override
	public Optional<Reminder> find(String id) {
		try {
			return pending(JobKey.jobKey(id, GROUP));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The reminder could not be read", ex);
		}
	}

	@Override
	public List<Reminder> deleteAt(int hour, int minute) {
		List<Reminder> deleted = new ArrayList<>();
		for (Reminder reminder : list()) {
			LocalDateTime at = reminder.scheduledAt();
			if (at.getHour() == hour && at.getMinute() == minute && delete(reminder.id())) {
				deleted.add(reminder);
			}
		}
		return deleted;
	}

	@Override
	public boolean delete(String id) {
		try {
			boolean deleted = this.scheduler.deleteJob(JobKey.jobKey(id, GROUP));
			if (deleted) {
				log.info("Reminder {} deleted", id);
			}
			return deleted;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The reminder could not be deleted", ex);
		}
	}

	/**
	 * A job whose trigger already fired is left behind only if the server stopped while
	 * delivering it; it is never delivered again, so it is removed. This runs before the
	 * scheduler starts (it is a lifecycle bean), so no reminder is being delivered now.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
				if (pending(key).isEmpty() && this.scheduler.deleteJob(key)) {
					log.warn("Reminder {} was interrupted while being delivered; removed", key.getName());
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The stored reminders could not be read", ex);
		}
	}

	private Optional<Reminder> pending(JobKey key) throws SchedulerException {
		JobDetail job = this.scheduler.getJobDetail(key);
		if (job == null) {
			return Optional.empty();
		}
		boolean due = this.scheduler.getTriggersOfJob(key)
			.stream()
			.anyMatch((trigger) -> trigger.getNextFireTime() != null);
		return due ? Optional.of(reminderOf(job)) : Optional.empty();
	}

	static Reminder reminderOf(JobDetail job) {
		JobDataMap data = job.getJobDataMap();
		return new Reminder(job.getKey().getName(), LocalDateTime.parse(data.getString(SCHEDULED_AT)),
				data.getString(TEXT));
	}

}

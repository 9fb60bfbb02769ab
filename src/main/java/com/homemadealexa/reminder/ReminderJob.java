package com.homemadealexa.reminder;

import java.time.Duration;
import java.time.Instant;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs when a reminder's trigger fires: delivers it unless it fell due while the server
 * was down for longer than the grace, then deletes the reminder's durable job. Created
 * per firing by Boot's {@code SpringBeanJobFactory}, which injects the constructor.
 */
class ReminderJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final ReminderAnnouncer announcer;

	private final MisfireGrace grace;

	ReminderJob(ReminderAnnouncer announcer, ReminderSettings settings) {
		this.announcer = announcer;
		this.grace = new MisfireGrace(settings.misfireGrace());
	}

	@Override
	public void execute(JobExecutionContext context) {
		Reminder reminder = QuartzReminders.reminderOf(context.getJobDetail());
		try {
			Instant due = context.getTrigger().getStartTime().toInstant();
			Instant startedAt = context.getScheduler().getMetaData().getRunningSince().toInstant();
			Duration missedBy = this.grace.missedBy(due, startedAt);
			if (this.grace.allows(missedBy)) {
				this.announcer.announce(reminder);
			}
			else {
				log.warn("Reminder {} due at {} dropped: the server came back {} s after it, the grace is {} s",
						reminder.id(), reminder.scheduledAt(), missedBy.toSeconds(), this.grace.grace().toSeconds());
			}
		}
		catch (SchedulerException | RuntimeException ex) {
			log.error("Reminder {} could not be delivered", reminder.id(), ex);
		}
		finally {
			forget(context);
		}
	}

	private void forget(JobExecutionContext context) {
		try {
			context.getScheduler().deleteJob(context.getJobDetail().getKey());
		}
		catch (SchedulerException ex) {
			// The trigger has fired and will not fire again; the next start removes the
			// job.
			log.warn("Delivered reminder {} could not be removed", context.getJobDetail().getKey().getName(), ex);
		}
	}

}

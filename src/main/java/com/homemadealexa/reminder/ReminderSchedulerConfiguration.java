package com.homemadealexa.reminder;

import java.time.Duration;
import java.util.Properties;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ties Quartz's misfire threshold to {@code [reminders] misfire_grace_seconds} (at least
 * 1 s): a trigger later than that is handled as a misfire, which for reminders means
 * "fire now"; {@link MisfireGrace} then decides whether it is still said. The other
 * Quartz settings are plain {@code spring.quartz.*} properties in
 * {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderSchedulerConfiguration {

	static final String MISFIRE_THRESHOLD = "org.quartz.jobStore.misfireThreshold";

	private static final Duration MINIMUM_THRESHOLD = Duration.ofSeconds(1);

	@Bean
	SchedulerFactoryBeanCustomizer reminderMisfireThreshold(QuartzProperties quartz, ReminderSettings reminders) {
		return (factory) -> {
			// Boot passes spring.quartz.properties once; setting them again replaces
			// them, so they are copied.
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			// Quartz scans for misfires once per threshold: keep a small grace from
			// turning that into a busy loop. The grace itself is enforced by ReminderJob.
			long threshold = Math.max(MINIMUM_THRESHOLD.toMillis(), reminders.misfireGrace().toMillis());
			properties.setProperty(MISFIRE_THRESHOLD, Long.toString(threshold));
			factory.setQuartzProperties(properties);
		};
	}

}

package com.homemadealexa.reminder;

import java.util.Properties;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ties Quartz's misfire threshold to {@code [reminders] misfire_grace_seconds}: a trigger
 * later than that is handled as a misfire (fired now, then judged by
 * {@link MisfireGrace}). The other Quartz settings are plain {@code spring.quartz.*}
 * properties in {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderSchedulerConfiguration {

	static final String MISFIRE_THRESHOLD = "org.quartz.jobStore.misfireThreshold";

	@Bean
	SchedulerFactoryBeanCustomizer reminderMisfireThreshold(QuartzProperties quartz, ReminderSettings reminders) {
		return (factory) -> {
			// Boot passes spring.quartz.properties once; setting them again replaces
			// them, so they are copied.
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			// Quartz refuses a threshold below 1 ms.
			long threshold = Math.max(1, reminders.misfireGrace().toMillis());
			properties.setProperty(MISFIRE_THRESHOLD, Long.toString(threshold));
			factory.setQuartzProperties(properties);
		};
	}

}

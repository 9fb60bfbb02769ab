package com.homemadealexa.reminder;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [reminders]}.
 *
 * @param misfireGraceSeconds a reminder that fell due while the server was down is still
 * delivered if the server came back at most this many seconds later; otherwise it is
 * dropped
 */
@Validated
@ConfigurationProperties("reminders")
public record ReminderSettings(@PositiveOrZero int misfireGraceSeconds) {

	public Duration misfireGrace() {
		return Duration.ofSeconds(this.misfireGraceSeconds);
	}

}

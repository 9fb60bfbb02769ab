package com.homemadealexa.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The household's clock, in its time zone ({@code [assistant] time_zone}). The
 * interpreter takes it for the local time of each command (what the model and the skills
 * are told, the local templates' times) and for conversation expiry; the webapp tokens
 * and the login throttle take it for their expiry. Other code reads the system clock
 * itself: reminder triggers (in the same zone), recording file names and the timestamps
 * of devices and utterances.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(AssistantSettings assistant) {
		return Clock.system(assistant.zone());
	}

}

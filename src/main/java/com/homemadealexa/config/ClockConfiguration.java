package com.homemadealexa.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The household's clock, in its time zone ({@code [assistant] time_zone}). Everything
 * that reads the time takes this bean, so tests can fix it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(AssistantSettings assistant) {
		return Clock.system(assistant.zone());
	}

}

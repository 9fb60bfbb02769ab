package com.homemadealexa.audio;

import com.homemadealexa.health.ProviderHealth;
import com.homemadealexa.health.ProviderState;
import com.homemadealexa.health.Reachability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audio server on {@code /actuator/health}: reachable when its port takes a TCP
 * connection (nothing is played).
 */
@Configuration(proxyBeanMethods = false)
class AudioServerHealth {

	@Bean
	ProviderHealth audioServerProviderHealth(AudioServerSettings settings, Reachability reachability) {
		return ProviderHealth.of("audio-server",
				() -> settings.configured() ? ProviderState.probed("http", settings.url(), reachability)
						: ProviderState.notConfigured("http", "audio_server.url"));
	}

}

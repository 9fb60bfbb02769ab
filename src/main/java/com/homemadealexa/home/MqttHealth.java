package com.homemadealexa.home;

import com.homemadealexa.health.ProviderHealth;
import com.homemadealexa.health.ProviderState;
import com.homemadealexa.health.Reachability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MQTT broker on {@code /actuator/health}: reachable while the server's one broker
 * connection is up, so a probe opens no connection of its own.
 */
@Configuration(proxyBeanMethods = false)
class MqttHealth {

	@Bean
	ProviderHealth mqttProviderHealth(MqttSettings settings, PahoMqttPublisher publisher) {
		return ProviderHealth.of("mqtt", () -> {
			if (!settings.configured()) {
				return ProviderState.notConfigured("mqtt", "mqtt.url");
			}
			Reachability.Target target = Reachability.Target.ofUrl(settings.serverUri());
			boolean connected = publisher.connected();
			return new ProviderState("mqtt", true, connected, (target != null) ? target.toString() : "",
					"broker connection", connected ? "" : "Not connected to the broker; retrying.");
		});
	}

}

package com.homemadealexa.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code providers} component of {@code /actuator/health}: one entry per
 * {@link ProviderHealth} bean, {@code UP} when configured and reachable,
 * {@code UNREACHABLE} or {@code NOT_CONFIGURED} otherwise. Those two statuses rank below
 * {@code UP} ({@code management.endpoint.health.status.order}), so they never pull the
 * server's own status down: a container health check restarts a broken server, not one
 * whose internet or optional provider is away.
 */
@Configuration(proxyBeanMethods = false)
class ProvidersHealth {

	static final Status UNREACHABLE = new Status("UNREACHABLE", "Configured, but its host does not answer");

	static final Status NOT_CONFIGURED = new Status("NOT_CONFIGURED", "Not configured");

	private static final Logger log = LoggerFactory.getLogger(ProvidersHealth.class);

	@Bean
	HealthContributor providersHealthContributor(ObjectProvider<ProviderHealth> providers) {
		Map<String, HealthIndicator> components = new LinkedHashMap<>();
		providers.stream().sorted((a, b) -> a.component().compareTo(b.component())).forEach((provider) -> {
			if (components.put(provider.component(), () -> health(provider)) != null) {
				throw new IllegalStateException("Two providers report health as " + provider.component());
			}
		});
		return CompositeHealthContributor.fromMap(components);
	}

	static Health health(ProviderHealth provider) {
		ProviderState state;
		try {
			state = provider.state();
		}
		catch (RuntimeException ex) {
			log.warn("The health of {} could not be checked: {}", provider.component(), ex.toString());
			return Health.unknown().withDetail("error", ex.getClass().getSimpleName()).build();
		}
		Status status = !state.configured() ? NOT_CONFIGURED
				: Boolean.FALSE.equals(state.reachable()) ? UNREACHABLE : Status.UP;
		Health.Builder health = Health.status(status)
			.withDetail("provider", state.provider())
			.withDetail("configured", state.configured());
		if (state.reachable() != null) {
			health.withDetail("reachable", state.reachable());
		}
		if (!state.target().isEmpty()) {
			health.withDetail("target", state.target());
		}
		health.withDetail("check", state.check());
		if (!state.detail().isEmpty()) {
			health.withDetail("detail", state.detail());
		}
		return health.build();
	}

}

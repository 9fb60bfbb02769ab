package com.homemadealexa.auth;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.homemadealexa.config.DataSettings;
import com.homemadealexa.config.ServerSettings;

/**
 * The pieces of authentication, built from {@code [auth]}, {@code [server]} and
 * {@code [data]} once at start-up, so a bad key stops the server before it listens.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

	@Bean
	TokenGeneration tokenGeneration(AuthSettings auth, DataSettings data) {
		return TokenGeneration.load(data.dir(), auth.passwordHash());
	}

	@Bean
	JwtTokens jwtTokens(AuthSettings auth, DataSettings data, TokenGeneration generation, ObjectProvider<Clock> clock) {
		return new JwtTokens(JwtSecret.resolve(auth.jwtSecret(), data.dir()), Duration.ofDays(auth.jwtExpireDays()),
				clock.getIfAvailable(Clock::systemUTC), generation::current);
	}

	@Bean
	Credentials credentials(AuthSettings auth) {
		if (auth.passwordHash().isBlank()) {
			log.info("Webapp login is not configured (auth.password_hash is empty): make a hash with "
					+ "'./alexa hash-password'");
		}
		return new Credentials(auth.username(), auth.passwordHash());
	}

	@Bean
	LoginThrottle loginThrottle(AuthSettings auth, ObjectProvider<Clock> clock) {
		return new LoginThrottle(auth.maxFailedLogins(), Duration.ofSeconds(auth.loginLockoutSeconds()),
				auth.maxFailedLoginsPerMinute(), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	TrustedNetworks trustedNetworks(ServerSettings server) {
		return TrustedNetworks.parse(server.trustedNetworks(), "[server] trusted_networks (SERVER_TRUSTED_NETWORKS)");
	}

	@Bean
	TrustedProxies trustedProxies(ServerSettings server) {
		return new TrustedProxies(
				TrustedNetworks.parse(server.trustedProxies(), "[server] trusted_proxies (SERVER_TRUSTED_PROXIES)"));
	}

	@Bean
	ServerNames serverNames(ServerSettings server) {
		return ServerNames.of(server.hostNames(), server.serveUrl());
	}

}

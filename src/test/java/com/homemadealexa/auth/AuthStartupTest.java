package com.homemadealexa.auth;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import com.homemadealexa.config.ConfigurationException;
import com.homemadealexa.config.DataSettings;
import com.homemadealexa.config.ServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad auth settings stop the server with one line naming the key. */
class AuthStartupTest {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(Settings.class, AuthConfiguration.class)
			.withPropertyValues("data.dir=" + this.dataDir, "auth.username=admin", "auth.password-hash=",
					"auth.jwt-secret=", "auth.jwt-expire-days=30", "auth.max-failed-logins=5",
					"auth.login-lockout-seconds=300", "auth.max-failed-logins-per-minute=20", "server.host=0.0.0.0",
					"server.port=8080", "server.serve-url=", "server.trusted-networks=127.0.0.0/8,::1/128",
					"server.host-names=localhost", "server.trusted-proxies=127.0.0.1/32,::1/128");
	}

	@Test
	void startsWithTheShippedDefaults() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(JwtTokens.class);
			assertThat(this.dataDir.resolve("jwt-secret")).exists();
		});
	}

	@Test
	void failsWithOneLineWhenTheConfiguredSecretIsTooShort() {
		runner().withPropertyValues("auth.jwt-secret=too-short").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("[auth] jwt_secret")
				.hasMessageNotContaining("\n")
				.hasMessageNotContaining("too-short");
		});
	}

	@Test
	void failsWithOneLineWhenATrustedNetworkIsNotACidr() {
		runner().withPropertyValues("server.trusted-networks=127.0.0.0/8,192.168.1.0/99").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("[server] trusted_networks")
				.hasMessageContaining("192.168.1.0/99")
				.hasMessageNotContaining("\n");
		});
	}

	@Test
	void failsWithOneLineWhenATrustedProxyIsNotACidr() {
		runner().withPropertyValues("server.trusted-proxies=backend.vpn").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("[server] trusted_proxies (SERVER_TRUSTED_PROXIES)")
				.hasMessageContaining("backend.vpn")
				.hasMessageNotContaining("\n");
		});
	}

	@Test
	void failsWithOneLineWhenAHostNameIsAUrl() {
		runner().withPropertyValues("server.host-names=http://alexa.lan/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("[server] host_names (SERVER_HOST_NAMES)")
				.hasMessageNotContaining("\n");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AuthSettings.class, DataSettings.class, ServerSettings.class })
	static class Settings {

	}

}

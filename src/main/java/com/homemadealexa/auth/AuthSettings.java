package com.homemadealexa.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [auth]}: webapp login and tokens.
 *
 * @param username the webapp user
 * @param passwordHash bcrypt hash; empty means login is refused
 * @param jwtSecret HS256 key; empty means generated once and kept in the data folder
 * @param jwtExpireDays token lifetime
 * @param maxFailedLogins failures from one address before it is locked out
 * @param loginLockoutSeconds how long a locked-out address waits
 * @param maxFailedLoginsPerMinute failed logins per minute from all addresses together
 * before every login waits
 */
@Validated
@ConfigurationProperties("auth")
public record AuthSettings(@NotNull String username, @NotNull String passwordHash, @NotNull String jwtSecret,
		@Min(1) int jwtExpireDays, @Min(1) int maxFailedLogins, @Min(1) int loginLockoutSeconds,
		@Min(1) int maxFailedLoginsPerMinute) {

}

package com.homemadealexa.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [webapp]}: where the browser webapp is served.
 *
 * @param base URL path, e.g. {@code /alexa}
 */
@Validated
@ConfigurationProperties("webapp")
public record WebappSettings(
		@NotNull @Pattern(regexp = "/[A-Za-z0-9._~/-]*", message = "must be a URL path starting with /") String base) {

}

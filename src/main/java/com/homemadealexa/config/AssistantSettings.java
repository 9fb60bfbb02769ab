package com.homemadealexa.config;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [assistant]}: the household's language, the assistant's name and clock.
 *
 * @param language {@code pl-PL} or {@code en-US}
 * @param name the wake name the assistant answers to
 * @param timeZone IANA zone id; empty means the machine's zone
 * @param preferLocal answer commands that match a local template without the LLM
 * @param templatesDir folder of the household's own command templates
 */
@Validated
@ConfigurationProperties("assistant")
public record AssistantSettings(
		@NotNull @Pattern(regexp = "pl-PL|en-US", message = "must be pl-PL or en-US") String language,
		@NotBlank String name, @NotNull String timeZone, boolean preferLocal, @NotNull String templatesDir) {

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

	public ZoneId zone() {
		return this.timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(this.timeZone);
	}

}

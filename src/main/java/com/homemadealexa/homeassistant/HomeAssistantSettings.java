package com.homemadealexa.homeassistant;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [home_assistant]}: where Home Assistant is and what of it the assistant uses.
 *
 * @param url base URL, e.g. {@code http://homeassistant.local:8123}; empty means Home
 * Assistant is not used
 * @param token a long-lived access token; never logged
 * @param timeoutSeconds longest wait for one call to Home Assistant
 * @param refreshSeconds how often the list of entities is read again in the background
 * @param domains entity domains that can be controlled and are shown to the LLM
 * @param areas only entities in these areas (by name); empty means every area
 * @param maxEntities longest list of entity names offered to the LLM
 * @param prefer {@code llm}: Assist answers only when there is no LLM (or it failed);
 * {@code home_assistant}: Assist is asked before the LLM
 */
@Validated
@ConfigurationProperties("home-assistant")
public record HomeAssistantSettings(
		@NotNull @Pattern(regexp = "|https?://[^\\s]+",
				message = "must be empty or a URL like http://homeassistant.local:8123") String url,
		@NotNull String token, @Min(1) @Max(60) int timeoutSeconds, @Min(10) int refreshSeconds,
		List<@Pattern(regexp = "light|switch|fan|cover|media_player|climate",
				message = "must be one of light, switch, fan, cover, media_player, climate") String> domains,
		List<String> areas, @Min(1) @Max(1000) int maxEntities,
		@NotNull @Pattern(regexp = "llm|home_assistant", message = "must be llm or home_assistant") String prefer) {

	/** The domains this server knows how to control. */
	public static final List<String> SUPPORTED_DOMAINS = List.of("light", "switch", "fan", "cover", "media_player",
			"climate");

	public HomeAssistantSettings {
		// An empty TOML list binds no list at all.
		domains = (domains != null) ? List.copyOf(domains) : List.of();
		areas = (areas != null) ? List.copyOf(areas) : List.of();
	}

	public boolean configured() {
		return !this.url.isBlank();
	}

	public boolean prefersAssist() {
		return "home_assistant".equals(this.prefer);
	}

	public Duration timeout() {
		return Duration.ofSeconds(this.timeoutSeconds);
	}

	/**
	 * @return the URL without a trailing slash
	 */
	String baseUrl() {
		return this.url.endsWith("/") ? this.url.substring(0, this.url.length() - 1) : this.url;
	}

	/**
	 * Leaves the token out, so that logging the settings leaks no secret.
	 */
	@Override
	public String toString() {
		return "HomeAssistantSettings[url=%s, token=%s, timeoutSeconds=%d, refreshSeconds=%d, domains=%s, areas=%s, maxEntities=%d, prefer=%s]"
			.formatted(this.url, this.token.isEmpty() ? "(empty)" : "(set)", this.timeoutSeconds, this.refreshSeconds,
					this.domains, this.areas, this.maxEntities, this.prefer);
	}

}

package com.homemadealexa.speech;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [azure]}: the Azure Speech resource.
 *
 * @param speechKey resource key; empty means Azure is not used
 * @param region resource region
 * @param endpoint optional endpoint override; empty means derived from the region
 * @param voice neural voice; empty means the language's default
 * @param host a Speech container on the premises, e.g. {@code ws://host:5000}; empty
 * means the cloud. A container needs no key.
 */
@Validated
@ConfigurationProperties("azure")
public record AzureSettings(@NotNull String speechKey, @NotNull String region, @NotNull String endpoint,
		@NotNull String voice, @DefaultValue("") @NotNull @Pattern(regexp = "|(wss?|https?)://\\S+",
				message = "must be empty or a ws://, wss://, http:// or https:// URL") String host) {

	public boolean configured() {
		return !this.speechKey.isBlank() || !this.host.isBlank();
	}

}

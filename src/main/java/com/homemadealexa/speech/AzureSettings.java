package com.homemadealexa.speech;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [azure]}: the Azure Speech resource.
 *
 * @param speechKey resource key; empty means Azure is not used
 * @param region resource region
 * @param endpoint optional endpoint override; empty means derived from the region
 * @param voice neural voice; empty means the language's default
 */
@Validated
@ConfigurationProperties("azure")
public record AzureSettings(@NotNull String speechKey, @NotNull String region, @NotNull String endpoint,
		@NotNull String voice) {

	public boolean configured() {
		return !this.speechKey.isBlank();
	}

}

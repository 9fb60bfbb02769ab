package com.homemadealexa.audio;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [audio_server]}: the speaker that plays the replies.
 *
 * @param url base URL; empty means no speaker is configured
 * @param timeoutSeconds limit for one call
 */
@Validated
@ConfigurationProperties("audio-server")
public record AudioServerSettings(@NotNull String url, @Min(1) int timeoutSeconds) {

	public boolean configured() {
		return !this.url.isBlank();
	}

}

package com.homemadealexa.device;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [device]}: how the server watches the devices' WebSocket connections.
 *
 * @param pingIntervalSeconds a connection silent this long gets a ping
 * @param pongTimeoutSeconds a ping unanswered this long drops the connection
 * @param sendTimeoutSeconds a send stuck this long (the device stopped reading) drops the
 * connection
 */
@Validated
@ConfigurationProperties("device")
public record DeviceSettings(@Positive double pingIntervalSeconds, @Positive double pongTimeoutSeconds,
		@Positive double sendTimeoutSeconds) {

	public Duration pingInterval() {
		return seconds(this.pingIntervalSeconds);
	}

	public Duration pongTimeout() {
		return seconds(this.pongTimeoutSeconds);
	}

	public Duration sendTimeout() {
		return seconds(this.sendTimeoutSeconds);
	}

	private static Duration seconds(double seconds) {
		return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
	}

}

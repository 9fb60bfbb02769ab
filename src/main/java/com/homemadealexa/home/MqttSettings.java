package com.homemadealexa.home;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [mqtt]}: the broker and the devices switched through it.
 *
 * @param url broker URL ({@code tcp://host:1883}, {@code ssl://host:8883};
 * {@code mqtt://} and {@code mqtts://} are accepted too); empty means no broker
 * @param username broker user; empty means anonymous
 * @param password broker password; never logged
 * @param clientId MQTT client id of the server
 * @param timeoutSeconds longest wait for the broker to take a command
 * @param devices the switchable devices
 */
@Validated
@ConfigurationProperties("mqtt")
public record MqttSettings(
		@NotNull @Pattern(regexp = "|(tcp|ssl|ws|wss|mqtt|mqtts)://.+",
				message = "must be empty or a broker URL like tcp://192.168.1.10:1883") String url,
		@NotNull String username, @NotNull String password, @NotBlank String clientId, @Min(1) int timeoutSeconds,
		List<@Valid Device> devices) {

	public MqttSettings {
		// A config without [[mqtt.devices]] binds no list at all.
		devices = (devices != null) ? List.copyOf(devices) : List.of();
	}

	public boolean configured() {
		return !this.url.isBlank();
	}

	public Duration timeout() {
		return Duration.ofSeconds(this.timeoutSeconds);
	}

	/**
	 * @return the URL in the form the Paho client takes
	 */
	public String serverUri() {
		if (this.url.startsWith("mqtt://")) {
			return "tcp://" + this.url.substring("mqtt://".length());
		}
		if (this.url.startsWith("mqtts://")) {
			return "ssl://" + this.url.substring("mqtts://".length());
		}
		return this.url;
	}

	/**
	 * @return the devices of one kind, in configuration order
	 */
	public List<Device> devices(Kind kind) {
		return this.devices.stream().filter((device) -> device.kind() == kind).toList();
	}

	/**
	 * Leaves the password out, so that logging the settings leaks no secret.
	 */
	@Override
	public String toString() {
		return "MqttSettings[url=%s, username=%s, password=%s, clientId=%s, timeoutSeconds=%d, devices=%s]".formatted(
				this.url, this.username, this.password.isEmpty() ? "(empty)" : "(set)", this.clientId,
				this.timeoutSeconds, this.devices);
	}

	/**
	 * A switchable device.
	 *
	 * @param name as the user says it (offered to the model when there are several)
	 * @param kind light or TV
	 * @param topic where its commands are published
	 * @param payloadOn the command that switches it on (e.g. {@code ON} for Tasmota)
	 * @param payloadOff the command that switches it off
	 */
	public record Device(@NotBlank String name, @NotNull Kind kind, @NotBlank String topic, @NotNull String payloadOn,
			@NotNull String payloadOff) {

		public String payload(boolean on) {
			return on ? this.payloadOn : this.payloadOff;
		}

	}

	/**
	 * What a device is, and so which skill switches it.
	 */
	public enum Kind {

		LIGHT, TV

	}

}

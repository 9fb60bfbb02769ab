package com.homemadealexa.device;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A connected device (an ESP32 or a webapp tab) as the registry knows it.
 *
 * @param connectionId unique per WebSocket connection
 * @param address the remote IP address
 * @param hostname from the hello message; null until the hello arrives
 * @param hwType from the hello message
 * @param macAddr from the hello message
 * @param connectedAt when the WebSocket opened
 * @param webapp whether it came in on {@code /ws/public}
 * @param serverAddress the server's address as this device reached it ({@code host:port},
 * an IPv6 host in brackets), so URLs sent to it are ones it can reach
 */
public record DeviceInfo(String connectionId, String address, @Nullable String hostname, @Nullable String hwType,
		@Nullable List<Integer> macAddr, Instant connectedAt, boolean webapp, String serverAddress) {

	DeviceInfo withHello(DeviceMessage.Hello hello) {
		return new DeviceInfo(this.connectionId, this.address, hello.hostname(), hello.hwType(), hello.macAddr(),
				this.connectedAt, this.webapp, this.serverAddress);
	}

}

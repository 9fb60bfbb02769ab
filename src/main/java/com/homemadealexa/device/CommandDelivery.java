package com.homemadealexa.device;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Sends an admin command to every device, or to one chosen by hostname (or IP address),
 * and reports how many it reached. Refuses with a problem response when there is nobody
 * to send to: 503 with no device connected, 404 for an unknown target.
 */
@Component
public class CommandDelivery {

	private final Devices devices;

	CommandDelivery(Devices devices) {
		this.devices = devices;
	}

	/**
	 * @param target a hostname from a device's hello, or an IP address; null or blank
	 * means every device
	 * @throws ErrorResponseException 503 when no device is connected, 404 when the target
	 * is not
	 */
	public Delivery deliver(DeviceCommand command, @Nullable String target) {
		int total = this.devices.connected().size();
		if (total == 0) {
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "No device is connected"), null);
		}
		if (target == null || target.isBlank()) {
			return new Delivery(this.devices.broadcast(command), total);
		}
		DeviceInfo device = this.devices.findByHostname(target)
			.or(() -> this.devices.findByAddress(target))
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No connected device is called " + target),
					null));
		return new Delivery(this.devices.send(device.connectionId(), command) ? 1 : 0, total);
	}

	/**
	 * @param notified how many devices the command was queued for
	 * @param total how many devices are connected
	 */
	public record Delivery(int notified, int total) {

	}

}

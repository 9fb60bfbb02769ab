package com.homemadealexa.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

	private final DeviceCommandJson json;

	CommandDelivery(Devices devices, DeviceCommandJson json) {
		this.devices = devices;
		this.json = json;
	}

	/**
	 * @param target a hostname from a device's hello, or an IP address; null or blank
	 * means every connection
	 * @throws ErrorResponseException 503 when no device is connected, 404 when the target
	 * is not
	 */
	public Delivery deliver(DeviceCommand command, @Nullable String target) {
		List<DeviceInfo> connected = connectedOrRefuse();
		boolean shortened = this.json.forDevice(command).truncated();
		if (target == null || target.isBlank()) {
			boolean anyDevice = connected.stream().anyMatch((info) -> !info.webapp());
			return new Delivery(this.devices.broadcast(command), connected.size(), shortened && anyDevice);
		}
		DeviceInfo device = find(target);
		return new Delivery(this.devices.send(device.connectionId(), command) ? 1 : 0, connected.size(), shortened);
	}

	/**
	 * Sends each connection a command of its own (e.g. a URL it can reach).
	 * @param target as for {@link #deliver}
	 * @return what each connection was sent
	 */
	public List<Sent> deliverEach(Function<DeviceInfo, DeviceCommand> commandFor, @Nullable String target) {
		List<DeviceInfo> connected = connectedOrRefuse();
		List<DeviceInfo> targets = (target == null || target.isBlank()) ? connected : List.of(find(target));
		List<Sent> sent = new ArrayList<>();
		for (DeviceInfo device : targets) {
			DeviceCommand command = commandFor.apply(device);
			sent.add(new Sent(device, command, this.devices.send(device.connectionId(), command)));
		}
		return List.copyOf(sent);
	}

	/** How many connections there are now. */
	public int total() {
		return this.devices.connected().size();
	}

	private List<DeviceInfo> connectedOrRefuse() {
		List<DeviceInfo> connected = this.devices.connected();
		if (connected.isEmpty()) {
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "No device is connected"), null);
		}
		return connected;
	}

	private DeviceInfo find(String target) {
		return this.devices.findByHostname(target)
			.or(() -> this.devices.findByAddress(target))
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No connected device is called " + target),
					null));
	}

	/**
	 * @param notified how many connections the command was queued for
	 * @param total how many connections there are
	 * @param truncated whether a display was shortened to fit a device's 4096-byte frame
	 */
	public record Delivery(int notified, int total, boolean truncated) {

	}

	/**
	 * @param device who it was for
	 * @param command what it was sent
	 * @param queued whether it was queued (the connection was still open)
	 */
	public record Sent(DeviceInfo device, DeviceCommand command, boolean queued) {

	}

}

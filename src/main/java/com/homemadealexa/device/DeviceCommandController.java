package com.homemadealexa.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin routes that push a command to the devices. {@code ?device=} picks one device by
 * hostname or IP address.
 */
@RestController
@RequestMapping("/api/internal")
class DeviceCommandController {

	private final CommandDelivery delivery;

	DeviceCommandController(CommandDelivery delivery) {
		this.delivery = delivery;
	}

	@PostMapping("/listen")
	Sent listen(@RequestParam(name = "device", required = false) @Nullable String device) {
		return Sent.of(this.delivery.deliver(new DeviceCommand.Listen(), device));
	}

	@PostMapping("/display")
	Sent display(@Valid @RequestBody DisplayRequest request,
			@RequestParam(name = "device", required = false) @Nullable String device) {
		String title = (request.title() != null) ? request.title() : "";
		return Sent.of(this.delivery.deliver(new DeviceCommand.Display(title, request.text()), device));
	}

	@PostMapping("/restart")
	Sent restart(@RequestParam(name = "device", required = false) @Nullable String device) {
		return Sent.of(this.delivery.deliver(new DeviceCommand.Restart(), device));
	}

	record DisplayRequest(@NotBlank String text, @Nullable String title) {
	}

	record Sent(String status, @JsonProperty("devices_notified") int devicesNotified,
			@JsonProperty("devices_total") int devicesTotal) {

		static Sent of(CommandDelivery.Delivery delivery) {
			return new Sent("sent", delivery.notified(), delivery.total());
		}

	}

}

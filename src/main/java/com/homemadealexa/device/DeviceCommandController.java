package com.homemadealexa.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin routes that push a command to the devices. {@code ?device=} picks one device by
 * hostname or IP address. A display text too long for the device's 4096-byte frame is
 * shortened with an ellipsis and the answer says {@code "truncated": true}; a text beyond
 * any screen's use is refused.
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
		CommandDelivery.Delivery sent = this.delivery.deliver(new DeviceCommand.Display(title, request.text()), device);
		return new Sent("sent", sent.notified(), sent.total(), sent.truncated());
	}

	@PostMapping("/restart")
	Sent restart(@RequestParam(name = "device", required = false) @Nullable String device) {
		return Sent.of(this.delivery.deliver(new DeviceCommand.Restart(), device));
	}

	/**
	 * Texts up to these sizes are shown (shortened if need be); longer ones are refused.
	 */
	record DisplayRequest(@NotBlank @Size(max = MAX_TEXT_CHARS) String text,
			@Nullable @Size(max = MAX_TITLE_CHARS) String title) {

		static final int MAX_TEXT_CHARS = 16_000;

		static final int MAX_TITLE_CHARS = 500;

	}

	record Sent(String status, @JsonProperty("devices_notified") int devicesNotified,
			@JsonProperty("devices_total") int devicesTotal,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean truncated) {

		static Sent of(CommandDelivery.Delivery delivery) {
			return new Sent("sent", delivery.notified(), delivery.total(), null);
		}

	}

}

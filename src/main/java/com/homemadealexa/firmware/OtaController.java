package com.homemadealexa.firmware;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import com.homemadealexa.device.CommandDelivery;
import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTA pushes and the admin status page (devices and firmware files).
 */
@RestController
@RequestMapping("/api/internal")
class OtaController {

	private final FirmwareFolder folder;

	private final FirmwareUrls urls;

	private final CommandDelivery delivery;

	private final Devices devices;

	OtaController(FirmwareFolder folder, FirmwareUrls urls, CommandDelivery delivery, Devices devices) {
		this.folder = folder;
		this.urls = urls;
		this.delivery = delivery;
		this.devices = devices;
	}

	@PostMapping("/ota")
	OtaSent ota(@RequestBody(required = false) @Nullable OtaRequest request,
			@RequestParam(name = "device", required = false) @Nullable String device, HttpServletRequest http) {
		String firmware = firmware(request);
		List<CommandDelivery.Sent> sent = this.delivery.deliverEach(
				(info) -> new DeviceCommand.OtaStart(this.urls.otaUrl(firmware, info.serverAddress(), http)), device);
		List<DeviceUrl> urls = sent.stream()
			.map((each) -> new DeviceUrl(name(each.device()), ((DeviceCommand.OtaStart) each.command()).otaUrl(),
					each.queued()))
			.toList();
		String url = urls.stream().filter(DeviceUrl::sent).map(DeviceUrl::url).findFirst().orElse(urls.get(0).url());
		int notified = (int) urls.stream().filter(DeviceUrl::sent).count();
		return new OtaSent("sent", firmware, url, notified, this.delivery.total(), urls);
	}

	private static String name(DeviceInfo info) {
		return (info.hostname() != null) ? info.hostname() : info.address();
	}

	@GetMapping("/status")
	Status status() {
		Instant now = Instant.now();
		List<DeviceStatus> connected = this.devices.connected()
			.stream()
			.map((info) -> DeviceStatus.of(info, now))
			.toList();
		return new Status(connected, this.folder.dir().toString(), this.folder.names());
	}

	private String firmware(@Nullable OtaRequest request) {
		if (request != null && request.filename() != null && !request.filename().isBlank()) {
			return this.folder.existing(request.filename().strip()).getFileName().toString();
		}
		return this.folder.newest()
			.orElseThrow(() -> FirmwareFolder.problem(HttpStatus.NOT_FOUND,
					"No .bin file in the firmware folder " + this.folder.dir()));
	}

	record OtaRequest(@Nullable String filename) {
	}

	/**
	 * {@code url} is the first device's (all the same with {@code serve_url});
	 * {@code urls} has each device's.
	 */
	record OtaSent(String status, String firmware, String url, @JsonProperty("devices_notified") int devicesNotified,
			@JsonProperty("devices_total") int devicesTotal, List<DeviceUrl> urls) {
	}

	record DeviceUrl(String device, String url, boolean sent) {
	}

	record Status(List<DeviceStatus> devices, @JsonProperty("firmware_dir") String firmwareDir,
			@JsonProperty("firmware_files") List<String> firmwareFiles) {
	}

	record DeviceStatus(String ip, @Nullable String hostname, @JsonProperty("hw_type") @Nullable String hwType,
			@JsonProperty("connected_seconds") long connectedSeconds,
			@JsonProperty("mac_addr") @Nullable List<Integer> macAddr, boolean webapp) {

		static DeviceStatus of(DeviceInfo info, Instant now) {
			return new DeviceStatus(info.address(), info.hostname(), info.hwType(),
					Duration.between(info.connectedAt(), now).toSeconds(), info.macAddr(), info.webapp());
		}

	}

}

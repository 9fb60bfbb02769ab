package com.homemadealexa.device;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Gauges of the open connections: {@code alexa.devices.connected} (ESP32 devices on
 * {@code /ws/internal}) and {@code alexa.webapp.tabs} (webapp tabs on
 * {@code /ws/public}), read from the registry at each scrape.
 */
@Component
class DeviceGauges implements MeterBinder {

	private final Devices devices;

	DeviceGauges(Devices devices) {
		this.devices = devices;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("alexa.devices.connected", this, (gauges) -> gauges.count(false))
			.description("Devices connected on /ws/internal")
			.register(registry);
		Gauge.builder("alexa.webapp.tabs", this, (gauges) -> gauges.count(true))
			.description("Webapp tabs connected on /ws/public")
			.register(registry);
	}

	private double count(boolean webapp) {
		return this.devices.connected().stream().filter((device) -> device.webapp() == webapp).count();
	}

}

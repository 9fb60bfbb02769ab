package com.homemadealexa.voice;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Starts utterances and keeps the one each device is waiting for: a new utterance from
 * the same device cancels the older one, and so does a wake word, so a stale reply stops
 * speaking and sends nothing more. A closed utterance is forgotten here and goes to the
 * recent list. Thread-safe.
 */
@Component
class Utterances {

	private final Devices devices;

	private final RecentUtterances recent;

	private final MeterRegistry meters;

	private final ConcurrentMap<String, Utterance> pending = new ConcurrentHashMap<>();

	Utterances(Devices devices, RecentUtterances recent, MeterRegistry meters) {
		this.devices = devices;
		this.recent = recent;
		this.meters = meters;
	}

	/**
	 * A device starts uploading speech. The device is resolved once, now: after a reboot
	 * mid-reply its new connection must not get this reply's {@code listen} or
	 * {@code idle}. One that posts without a WebSocket connection is known by its address
	 * only, and nothing is sent to it.
	 */
	Utterance spokenOnDevice(String address) {
		DeviceInfo device = this.devices.findByAddress(address).orElseGet(() -> unconnected(address));
		return claim(device, Utterance.Input.SPEECH);
	}

	/** A typed command answered on a device's speaker, as if the device had heard it. */
	Utterance typedForDevice(DeviceInfo device, String command) {
		Utterance utterance = claim(device, Utterance.Input.TEXT);
		utterance.typed(command);
		return utterance;
	}

	/** A webapp user starts uploading speech. */
	Utterance spokenInWebapp(String user) {
		return new Utterance(newId(), "webapp:" + user, null, Utterance.Input.SPEECH, this.meters, this::closed);
	}

	/**
	 * A typed command that is answered in text (and, for the webapp, in its own audio).
	 * @param conversationId whose history it continues, e.g. {@code webapp:admin}
	 */
	Utterance typed(String conversationId, String command) {
		Utterance utterance = new Utterance(newId(), conversationId, null, Utterance.Input.TEXT, this.meters,
				this::closed);
		utterance.typed(command);
		return utterance;
	}

	/**
	 * Cancels the device's pending reply, if any (wake word). An utterance whose upload
	 * is still arriving is left alone: the firmware does not listen for the wake word
	 * while it records, so such a wake word is the one that started this very upload,
	 * read late because it came on the other connection.
	 * @return whether a reply was pending
	 */
	boolean interrupt(String deviceAddress) {
		Utterance utterance = this.pending.get(deviceAddress);
		if (utterance == null || utterance.isReceiving() || !this.pending.remove(deviceAddress, utterance)) {
			return false;
		}
		boolean wasPending = !utterance.isCancelled();
		utterance.cancel();
		return wasPending;
	}

	private Utterance claim(DeviceInfo device, Utterance.Input input) {
		Utterance utterance = new Utterance(newId(), conversationOf(device), device, input, this.meters, this::closed);
		Utterance previous = this.pending.put(device.address(), utterance);
		if (previous != null) {
			previous.cancel();
		}
		return utterance;
	}

	private void closed(Utterance utterance) {
		utterance.device().ifPresent((device) -> this.pending.remove(device.address(), utterance));
		utterance.entry().ifPresent(this.recent::add);
	}

	/** The device's history follows its hostname, which survives a change of address. */
	private static String conversationOf(DeviceInfo device) {
		return (device.hostname() != null) ? device.hostname() : device.address();
	}

	private static DeviceInfo unconnected(String address) {
		return new DeviceInfo("", address, null, null, null, Instant.now(), false, "");
	}

	private static String newId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}

package com.homemadealexa.voice;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * The reply each device is currently waiting for. A new utterance or a wake word from the
 * same device makes the older reply stale, so it stops speaking and sends nothing more.
 * Thread-safe.
 */
@Component
class DeviceTurns {

	private final ConcurrentMap<String, Turn> current = new ConcurrentHashMap<>();

	/**
	 * Starts a new turn for the device, cancelling the one before it.
	 */
	Turn begin(String deviceAddress, String utteranceId) {
		Turn turn = new Turn(utteranceId);
		Turn previous = this.current.put(deviceAddress, turn);
		if (previous != null) {
			previous.cancel();
		}
		return turn;
	}

	/**
	 * Cancels the device's pending reply, if any (wake word). A turn whose upload is
	 * still arriving is left alone: the firmware does not listen for the wake word while
	 * it records, so such a wake word is the one that started this very upload, read late
	 * because it came on the other connection.
	 * @return whether a reply was pending
	 */
	boolean interrupt(String deviceAddress) {
		Turn turn = this.current.get(deviceAddress);
		if (turn == null || turn.isReceiving() || !this.current.remove(deviceAddress, turn)) {
			return false;
		}
		boolean wasPending = !turn.isCancelled();
		turn.cancel();
		return wasPending;
	}

	/**
	 * Forgets a finished turn (only if it is still the device's current one).
	 */
	void end(String deviceAddress, Turn turn) {
		this.current.remove(deviceAddress, turn);
	}

}

package com.homemadealexa.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reports what happens to a {@link SimulatedDevice}: tells its listener of each event
 * and, when asked to, keeps them. Thread-safe.
 */
final class SimulatorEvents {

	private final Consumer<SimulatorEvent> listener;

	private final boolean keep;

	private final List<SimulatorEvent> kept = new CopyOnWriteArrayList<>();

	SimulatorEvents(Consumer<SimulatorEvent> listener, boolean keep) {
		this.listener = listener;
		this.keep = keep;
	}

	void emit(SimulatorEvent event) {
		if (this.keep) {
			this.kept.add(event);
		}
		try {
			this.listener.accept(event);
		}
		catch (RuntimeException ex) {
			// The listener is the caller's; the device goes on regardless.
		}
	}

	/** Every event so far, oldest first; empty when not kept. */
	List<SimulatorEvent> all() {
		return List.copyOf(this.kept);
	}

}

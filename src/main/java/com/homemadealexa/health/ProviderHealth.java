package com.homemadealexa.health;

import java.util.function.Supplier;

/**
 * A provider that reports itself on {@code /actuator/health} as
 * {@code providers.<component>}. A feature adds one by declaring a bean of this type; no
 * shared list is edited.
 *
 * <p>
 * {@link #state()} is called on every health probe (the console, a container health
 * check), so it must be cheap: it never calls a paid API, never sends a key, and decides
 * reachability from something local (a live connection's state, an executable on the
 * {@code PATH}) or from {@link Reachability}'s cached TCP connect. It may be called from
 * several threads at once and should not throw; if it does, the component is reported as
 * {@code UNKNOWN} and the server's own status is unaffected.
 */
public interface ProviderHealth {

	/**
	 * @return the component's name, unique among providers: {@code model},
	 * {@code speech-to-text}, {@code voice}, {@code audio-server}, {@code mqtt},
	 * {@code weather}, …
	 */
	String component();

	/**
	 * @return whether the provider is configured and, if so, whether it is reachable
	 */
	ProviderState state();

	/**
	 * @param component the component's name
	 * @param state computes the state on each probe (see {@link #state()})
	 */
	static ProviderHealth of(String component, Supplier<ProviderState> state) {
		return new ProviderHealth() {

			@Override
			public String component() {
				return component;
			}

			@Override
			public ProviderState state() {
				return state.get();
			}

		};
	}

}

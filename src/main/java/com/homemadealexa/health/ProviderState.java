package com.homemadealexa.health;

import org.jspecify.annotations.Nullable;

/**
 * What a provider reports about itself. Holds no secret: the target is a host and port,
 * never a URL with credentials or a key.
 *
 * @param provider which implementation, e.g. {@code openai}, {@code azure},
 * {@code espeak}
 * @param configured whether it has what it needs to be used (a key, a URL)
 * @param reachable whether it answered the last check; null when not configured or not
 * checked yet
 * @param target where it is, e.g. {@code api.openai.com:443}; empty when not configured
 * @param check how reachability was decided, e.g. {@code tcp connect}, {@code connection}
 * @param detail one sentence for a person: what is wrong or what to set
 */
public record ProviderState(String provider, boolean configured, @Nullable Boolean reachable, String target,
		String check, String detail) {

	/**
	 * @param setting the {@code config.toml} key that would configure it
	 */
	public static ProviderState notConfigured(String provider, String setting) {
		return new ProviderState(provider, false, null, "", "none", "Not configured: set " + setting + ".");
	}

	/**
	 * A configured provider checked by a (cached) TCP connect to the host and port of its
	 * URL.
	 */
	public static ProviderState probed(String provider, String url, Reachability reachability) {
		Reachability.Target target = Reachability.Target.ofUrl(url);
		if (target == null) {
			return new ProviderState(provider, true, false, "", Reachability.CHECK,
					"The configured URL has no host and port.");
		}
		boolean reachable = reachability.reachable(target);
		return new ProviderState(provider, true, reachable, target.toString(), Reachability.CHECK,
				reachable ? "" : "No TCP connection to " + target + ".");
	}

}

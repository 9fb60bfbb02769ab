package com.homemadealexa.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whether a provider's host accepts a TCP connection, remembered for
 * {@value #CACHE_SECONDS} s. A TCP connect sends no request, no key and costs nothing at
 * a paid API, so health probes may call this as often as they like: at most one connect
 * per host and port runs every {@value #CACHE_SECONDS} s, each bounded by a
 * {@value #CONNECT_MILLIS} ms timeout (plus the system resolver's own time). Thread-safe.
 */
@Component
public class Reachability {

	static final String CHECK = "tcp connect, cached " + Reachability.CACHE_SECONDS + " s";

	static final int CACHE_SECONDS = 30;

	static final int CONNECT_MILLIS = 1000;

	private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443,
			"tcp", 1883, "mqtt", 1883, "ssl", 8883, "mqtts", 8883);

	private final ConcurrentMap<Target, Probe> probes = new ConcurrentHashMap<>();

	/**
	 * @return whether the last connect, at most {@value #CACHE_SECONDS} s old, succeeded
	 */
	public boolean reachable(Target target) {
		long now = System.nanoTime();
		Probe probe = this.probes.compute(target,
				(key, last) -> (last != null && !last.olderThan(now)) ? last : new Probe(now));
		return probe.reachable(target);
	}

	/**
	 * A host and port.
	 *
	 * @param host name or address
	 * @param port TCP port
	 */
	public record Target(String host, int port) {

		/**
		 * @return the host and port of a URL (the scheme's default port when it has
		 * none), or null when it has no host
		 */
		public static @Nullable Target ofUrl(String url) {
			try {
				URI uri = new URI(url.strip());
				String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
				int port = (uri.getPort() != -1) ? uri.getPort() : DEFAULT_PORTS.getOrDefault(scheme, -1);
				if (uri.getHost() == null || port == -1) {
					return null;
				}
				String host = uri.getHost();
				// An IPv6 literal comes back in its brackets.
				return new Target(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}

		@Override
		public String toString() {
			return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
		}

	}

	/**
	 * One connect, made by the first caller that needs it; callers that arrive while it
	 * runs wait for its outcome instead of connecting again.
	 */
	private static final class Probe {

		private final long startedAt;

		// A lock rather than synchronized: the connect blocks, and a virtual thread must
		// not pin its carrier while it waits.
		private final ReentrantLock lock = new ReentrantLock();

		private @Nullable Boolean outcome;

		Probe(long startedAt) {
			this.startedAt = startedAt;
		}

		boolean olderThan(long now) {
			return now - this.startedAt > Duration.ofSeconds(CACHE_SECONDS).toNanos();
		}

		boolean reachable(Target target) {
			this.lock.lock();
			try {
				if (this.outcome == null) {
					this.outcome = connects(target);
				}
				return this.outcome;
			}
			finally {
				this.lock.unlock();
			}
		}

		private static boolean connects(Target target) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_MILLIS);
				return true;
			}
			catch (IOException | IllegalArgumentException | SecurityException ex) {
				return false;
			}
		}

	}

}

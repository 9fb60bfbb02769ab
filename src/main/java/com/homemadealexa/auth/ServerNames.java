package com.homemadealexa.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.homemadealexa.config.ConfigurationException;

/**
 * The names this server answers to on its LAN-only routes: any IP literal,
 * {@code localhost}, the machine's own name (and that name with {@code .local}), the host
 * of {@code [server] serve_url} (devices download firmware from it) and
 * {@code [server] host_names}. A web page that points a DNS name of its own at the server
 * (DNS rebinding) sends that name in {@code Host}, which is none of these.
 */
final class ServerNames {

	private static final String KEY = "[server] host_names (SERVER_HOST_NAMES)";

	private static final String ANY = "*";

	private static final Pattern NAME = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

	private static final Logger log = LoggerFactory.getLogger(ServerNames.class);

	private final Set<String> names;

	private final boolean any;

	private ServerNames(Set<String> names, boolean any) {
		this.names = names;
		this.any = any;
	}

	/**
	 * @param configured {@code [server] host_names}; {@code "*"} accepts every name
	 * @param serveUrl {@code [server] serve_url}, possibly empty
	 * @throws ConfigurationException naming the key when an entry is not a host name
	 */
	static ServerNames of(List<String> configured, String serveUrl) {
		Set<String> names = new LinkedHashSet<>();
		names.add("localhost");
		boolean any = false;
		for (String entry : configured.stream().flatMap((value) -> List.of(value.split(",")).stream()).toList()) {
			String name = normalize(entry.trim());
			if (name.isEmpty()) {
				continue;
			}
			if (ANY.equals(name)) {
				any = true;
			}
			else if (NAME.matcher(name).matches()) {
				names.add(name);
			}
			else {
				throw new ConfigurationException("Configuration key " + KEY + " has the entry '" + entry
						+ "', which is not a host name such as alexa.lan (no scheme, port or path).");
			}
		}
		String ownName = machineName();
		if (ownName != null) {
			names.add(ownName);
			if (!ownName.contains(".")) {
				names.add(ownName + ".local");
			}
		}
		String served = serveUrlHost(serveUrl);
		if (served != null) {
			names.add(served);
		}
		return new ServerNames(Set.copyOf(names), any);
	}

	/**
	 * @param hostHeader the request's {@code Host} header; null when absent (HTTP/1.0)
	 * @return whether a request with this {@code Host} is meant for this server
	 */
	boolean accepts(@Nullable String hostHeader) {
		if (hostHeader == null || this.any) {
			return true;
		}
		String host = hostOf(hostHeader.trim());
		return TrustedNetworks.isIpLiteral(host) || this.names.contains(normalize(host));
	}

	Set<String> names() {
		return this.names;
	}

	/**
	 * @return the host part of a {@code Host} header or an authority: without the port,
	 * an IPv6 literal with its brackets
	 */
	static String hostOf(String authority) {
		if (authority.startsWith("[")) {
			int end = authority.indexOf(']');
			return (end > 0) ? authority.substring(0, end + 1) : authority;
		}
		int colon = authority.lastIndexOf(':');
		return (colon >= 0 && authority.indexOf(':') == colon) ? authority.substring(0, colon) : authority;
	}

	private static String normalize(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static @Nullable String machineName() {
		try {
			String name = normalize(InetAddress.getLocalHost().getHostName());
			return (NAME.matcher(name).matches() && !TrustedNetworks.isIpLiteral(name)) ? name : null;
		}
		catch (UnknownHostException ex) {
			log.debug("The machine's own name is unknown: {}", ex.getMessage());
			return null;
		}
	}

	private static @Nullable String serveUrlHost(String serveUrl) {
		if (serveUrl.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(serveUrl.trim()).getHost();
			return (host != null && !TrustedNetworks.isIpLiteral(host)) ? normalize(host) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

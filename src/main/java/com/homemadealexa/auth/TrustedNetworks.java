package com.homemadealexa.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import com.homemadealexa.config.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The networks ({@code [server] trusted_networks}, IPv4 and IPv6 CIDRs) whose callers may
 * use the LAN-only routes. Parsed once at start-up; a bad entry stops the server.
 */
final class TrustedNetworks {

	// Only literals: InetAddress.getByName would otherwise resolve host names through
	// DNS.
	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<Network> networks;

	private TrustedNetworks(List<Network> networks) {
		this.networks = networks;
	}

	/**
	 * @throws ConfigurationException naming the key when an entry is not a CIDR
	 */
	static TrustedNetworks parse(List<String> cidrs) {
		return parse(cidrs, "[server] trusted_networks (SERVER_TRUSTED_NETWORKS)");
	}

	/**
	 * @param key the configuration key, as errors name it
	 * @throws ConfigurationException naming the key when an entry is not a CIDR
	 */
	static TrustedNetworks parse(List<String> cidrs, String key) {
		return new TrustedNetworks(cidrs.stream()
			.flatMap((entry) -> List.of(entry.split(",")).stream())
			.map(String::trim)
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> network(entry, key))
			.toList());
	}

	/**
	 * @return whether the text is an IPv4 or IPv6 literal (brackets and a zone allowed);
	 * never resolves a name
	 */
	static boolean isIpLiteral(String text) {
		return literal(text) != null;
	}

	/**
	 * @param address an IP literal, as the servlet container reports the remote address
	 * @return whether the address lies in one of the networks; false for anything that is
	 * not an IP literal
	 */
	boolean contains(String address) {
		byte[] bytes = literal(address);
		if (bytes == null) {
			return false;
		}
		return this.networks.stream().anyMatch((network) -> network.contains(bytes));
	}

	private static Network network(String cidr, String key) {
		int slash = cidr.indexOf('/');
		String host = (slash < 0) ? cidr : cidr.substring(0, slash);
		byte[] address = literal(host);
		if (address == null) {
			throw new ConfigurationException("Configuration key " + key + " has the entry '" + cidr
					+ "', which is not an IP address or CIDR such as 192.168.0.0/16 or fc00::/7.");
		}
		int bits = address.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(cidr.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
		}
		if (prefix < 0 || prefix > bits) {
			throw new ConfigurationException("Configuration key " + key + " has the entry '" + cidr
					+ "', whose prefix length must be between 0 and " + bits + ".");
		}
		return new Network(address, prefix);
	}

	private static byte @Nullable [] literal(String text) {
		String host = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		int zone = host.indexOf('%');
		if (zone >= 0) {
			host = host.substring(0, zone);
		}
		boolean ipv4 = IPV4.matcher(host).matches();
		if (ipv4 && !List.of(host.split("\\.")).stream().allMatch((octet) -> Integer.parseInt(octet) <= 255)) {
			return null;
		}
		if (!ipv4 && !IPV6.matcher(host).matches()) {
			return null;
		}
		try {
			// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) come back as IPv4.
			return InetAddress.getByName(host).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Network(byte[] address, int prefix) {

		boolean contains(byte[] candidate) {
			if (candidate.length != this.address.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (candidate[i] != this.address[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (candidate[full] & mask) == (this.address[full] & mask);
		}

	}

}

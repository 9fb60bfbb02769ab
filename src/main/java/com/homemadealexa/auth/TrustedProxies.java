package com.homemadealexa.auth;

import org.jspecify.annotations.Nullable;

/**
 * The reverse proxies ({@code [server] trusted_proxies}) whose {@code X-Forwarded-For} is
 * believed. Any other peer may write whatever it likes into that header, so for it the
 * client is the peer itself.
 */
final class TrustedProxies {

	private final TrustedNetworks proxies;

	TrustedProxies(TrustedNetworks proxies) {
		this.proxies = proxies;
	}

	/**
	 * @param peer the socket's remote address
	 * @param forwardedFor the {@code X-Forwarded-For} header, null when absent
	 * @return the address the proxy appended (the last entry: the earlier ones are the
	 * client's own claims) when the peer is a trusted proxy, else the peer
	 */
	String clientOf(String peer, @Nullable String forwardedFor) {
		if (forwardedFor == null || !this.proxies.contains(peer)) {
			return peer;
		}
		String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
		return TrustedNetworks.isIpLiteral(last) ? last : peer;
	}

}

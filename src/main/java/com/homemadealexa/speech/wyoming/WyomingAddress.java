package com.homemadealexa.speech.wyoming;

import java.net.URI;

/**
 * Where a Wyoming service listens: {@code tcp://host:port}.
 *
 * @param host name or address
 * @param port TCP port
 */
record WyomingAddress(String host, int port) {

	/**
	 * @throws IllegalArgumentException when the text is not {@code tcp://host:port}
	 */
	static WyomingAddress parse(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a tcp://host:port address: " + url, ex);
		}
		if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
				|| uri.getPort() > 65535) {
			throw new IllegalArgumentException("not a tcp://host:port address: " + url);
		}
		String host = uri.getHost();
		// URI keeps the brackets of an IPv6 literal; sockets want it bare.
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		return new WyomingAddress(host, uri.getPort());
	}

	@Override
	public String toString() {
		return "tcp://" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

}

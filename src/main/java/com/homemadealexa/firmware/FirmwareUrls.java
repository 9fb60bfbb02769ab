package com.homemadealexa.firmware;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import com.homemadealexa.config.ServerSettings;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Builds the URL a device downloads firmware from: {@code server.serve_url} when set,
 * otherwise the server's address as that device reached it over its WebSocket (an admin
 * on {@code localhost} must not send the devices to {@code 127.0.0.1}). Without a device
 * address, the address the admin request reached (a proxy's {@code X-Forwarded-*} headers
 * first). Forwarded headers are read here only, not application-wide, because on internal
 * routes they come from the LAN, not from the public proxy.
 */
@Component
class FirmwareUrls {

	private final ServerSettings server;

	FirmwareUrls(ServerSettings server) {
		this.server = server;
	}

	String otaUrl(String firmware, HttpServletRequest request) {
		return url(this.server.serveUrl().isBlank() ? fromRequest(request) : this.server.serveUrl().strip(), firmware);
	}

	/**
	 * @param serverAddress {@code host:port} of the server as the device connected to it;
	 * empty when unknown
	 */
	String otaUrl(String firmware, String serverAddress, HttpServletRequest request) {
		if (!this.server.serveUrl().isBlank() || serverAddress.isEmpty()) {
			return otaUrl(firmware, request);
		}
		return url("http://" + serverAddress, firmware);
	}

	private static String url(String base, String firmware) {
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + "/firmware/" + UriUtils.encodePathSegment(firmware, StandardCharsets.UTF_8);
	}

	private static String fromRequest(HttpServletRequest request) {
		String scheme = first(request.getHeader("X-Forwarded-Proto"));
		if (scheme == null) {
			scheme = request.getScheme();
		}
		String port = first(request.getHeader("X-Forwarded-Port"));
		String host = first(request.getHeader("X-Forwarded-Host"));
		if (host == null) {
			host = literal(request.getLocalAddr());
			if (port == null) {
				port = String.valueOf(request.getLocalPort());
			}
		}
		boolean hostHasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
		return scheme + "://" + host + ((port != null && !hostHasPort) ? ":" + port : "");
	}

	// A proxy chain appends its values: the first one is what the client used.
	private static @Nullable String first(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String value = header.split(",", 2)[0].strip();
		return value.isEmpty() ? null : value;
	}

	private static String literal(String address) {
		return (address.contains(":") && !address.startsWith("[")) ? "[" + address + "]" : address;
	}

}

package com.homemadealexa.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [server]}: where the server listens, the URL devices use for OTA downloads, and
 * the networks allowed on internal routes.
 *
 * @param host listen address
 * @param port listen port
 * @param serveUrl base URL for firmware downloads; empty means derived from the request
 * @param trustedNetworks CIDRs allowed on {@code /api/internal/**}, {@code /ws/internal}
 * and {@code /firmware/**}
 * @param hostNames extra names (besides IP literals, {@code localhost} and the machine's
 * own name) that a request to a LAN-only route may carry in its {@code Host} header
 * @param trustedProxies CIDRs of the reverse proxy, the only peers whose
 * {@code X-Forwarded-For} is believed (login throttling)
 */
@Validated
@ConfigurationProperties("server")
public record ServerSettings(@NotNull String host, @Min(0) @Max(65535) int port, @NotNull String serveUrl,
		@NotNull List<String> trustedNetworks, @NotNull List<String> hostNames, @NotNull List<String> trustedProxies) {

}

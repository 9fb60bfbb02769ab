package com.homemadealexa.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps web pages that a browser on the LAN happens to open away from the LAN-only
 * routes, whose callers are trusted by address alone. Two checks:
 * <ul>
 * <li>{@code Host} must be one of the {@link ServerNames}: a page that points its own DNS
 * name at this server (DNS rebinding) sends that name and is refused, even for reads;
 * <li>a state-changing request (POST, PUT, PATCH, DELETE) or a WebSocket upgrade that
 * carries {@code Origin} must come from the server's own origin, which is where the
 * console is served. Browsers always send {@code Origin} on those; devices and curl send
 * none and are not affected.
 * </ul>
 * The public webapp routes are not checked here: they come through the reverse proxy with
 * its upstream {@code Host} and the public site's {@code Origin}, and need the bearer
 * token, which a foreign page does not have.
 */
final class SameOriginFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SameOriginFilter.class);

	private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	// Fetch metadata: a browser's request from another origin, even when it sends no
	// Origin.
	private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");

	private final RequestMatcher lanOnly;

	private final ServerNames names;

	private final SecurityProblems problems;

	SameOriginFilter(RequestMatcher lanOnly, ServerNames names, SecurityProblems problems) {
		this.lanOnly = lanOnly;
		this.names = names;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.lanOnly.matches(request)) {
			String host = request.getHeader(HttpHeaders.HOST);
			if (!this.names.accepts(host)) {
				log.warn("Refused {} {}: Host '{}' is not one of this server's names (add it to [server] host_names)",
						request.getMethod(), request.getRequestURI(), host);
				this.problems.write(request, response, HttpStatus.FORBIDDEN,
						"This server does not answer to that host name on its local routes; "
								+ "use its IP address or a name listed in [server] host_names.");
				return;
			}
			if (needsSameOrigin(request) && !sameOrigin(request, host)) {
				log.warn("Refused {} {} from a web page of another site (Origin '{}')", request.getMethod(),
						request.getRequestURI(), request.getHeader(HttpHeaders.ORIGIN));
				this.problems.write(request, response, HttpStatus.FORBIDDEN,
						"Requests from other web sites may not change anything on this server's local routes.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean needsSameOrigin(HttpServletRequest request) {
		return STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
				|| "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
	}

	private static boolean sameOrigin(HttpServletRequest request, @Nullable String host) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			String site = request.getHeader("Sec-Fetch-Site");
			return site == null || !FOREIGN_FETCH_SITES.contains(site.toLowerCase(Locale.ROOT));
		}
		if (host == null) {
			return false;
		}
		URI parsed;
		try {
			parsed = new URI(origin.trim());
		}
		catch (java.net.URISyntaxException ex) {
			// Including "null", sent by sandboxed frames and local files.
			return false;
		}
		if (parsed.getScheme() == null || parsed.getHost() == null
				|| parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()) {
			return false;
		}
		String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))) {
			return false;
		}
		String requestHost = ServerNames.hostOf(host.trim());
		int requestPort = portOf(host.trim(), requestHost, scheme);
		int originPort = (parsed.getPort() >= 0) ? parsed.getPort() : defaultPort(scheme);
		return parsed.getHost().equalsIgnoreCase(requestHost) && originPort == requestPort;
	}

	private static int portOf(String authority, String host, String scheme) {
		String rest = authority.substring(host.length());
		if (rest.startsWith(":")) {
			try {
				return Integer.parseInt(rest.substring(1));
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}
		return defaultPort(scheme);
	}

	private static int defaultPort(String scheme) {
		return "https".equals(scheme) ? 443 : 80;
	}

}

package com.homemadealexa.auth;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the device and admin routes on the LAN: the caller must be inside
 * {@code [server] trusted_networks}, and a request that came through the reverse proxy
 * (it carries {@code X-Forwarded-For} or {@code Forwarded}) is refused even when the
 * proxy itself is on the LAN.
 */
final class LanOnlyFilter extends OncePerRequestFilter {

	// "/ws" is the devices' socket under its short name (the same handler as
	// "/ws/internal").
	static final String[] LAN_ONLY_ROUTES = { "/ws", "/ws/internal/**", "/api/internal/**", "/firmware/**",
			"/actuator/**", "/console/**" };

	/** Matches every LAN-only route. */
	static final RequestMatcher LAN_ONLY = new OrRequestMatcher(
			Arrays.stream(LAN_ONLY_ROUTES).map(PathPatternRequestMatcher.withDefaults()::matcher).toList());

	private static final Logger log = LoggerFactory.getLogger(LanOnlyFilter.class);

	private final RequestMatcher lanOnly = LAN_ONLY;

	private final TrustedNetworks trusted;

	private final SecurityProblems problems;

	LanOnlyFilter(TrustedNetworks trusted, SecurityProblems problems) {
		this.trusted = trusted;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.lanOnly.matches(request)) {
			if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
				log.warn("Refused {} through the reverse proxy: it is for the LAN only", request.getRequestURI());
				this.problems.write(request, response, HttpStatus.FORBIDDEN,
						"This route is for the local network only and cannot be reached through the proxy.");
				return;
			}
			if (!this.trusted.contains(request.getRemoteAddr())) {
				log.warn("Refused {} from {}: not in [server] trusted_networks", request.getRequestURI(),
						request.getRemoteAddr());
				this.problems.write(request, response, HttpStatus.FORBIDDEN,
						"This route is for the local network only; the caller's address is not trusted.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}

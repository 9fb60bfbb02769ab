package com.homemadealexa.device;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * {@code /ws/public?token=...}: webapp tabs. They take the same messages as a device once
 * the token is accepted; otherwise the socket is closed with code 4001, which the webapp
 * reads as "log in again".
 */
class WebappSocketHandler extends DeviceSocketHandler {

	static final CloseStatus UNAUTHORIZED = new CloseStatus(4001, "Unauthorized");

	private static final Logger log = LoggerFactory.getLogger(WebappSocketHandler.class);

	private final ObjectProvider<PublicSocketAuthenticator> authenticator;

	WebappSocketHandler(DeviceRegistry registry, DeviceMessageReader reader, ApplicationEventPublisher events,
			ObjectProvider<PublicSocketAuthenticator> authenticator) {
		super(registry, reader, events, true);
		this.authenticator = authenticator;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		if (!accepts(token(session))) {
			log.info("Refusing webapp socket from {}: bad or missing token", session.getRemoteAddress());
			session.close(UNAUTHORIZED);
			return;
		}
		super.afterConnectionEstablished(session);
	}

	private boolean accepts(@Nullable String token) {
		PublicSocketAuthenticator gate = this.authenticator.getIfAvailable();
		if (gate == null) {
			log.warn("No PublicSocketAuthenticator is configured; every webapp socket is refused");
			return false;
		}
		return gate.accepts(token);
	}

	private static @Nullable String token(WebSocketSession session) {
		if (session.getUri() == null) {
			return null;
		}
		String raw = UriComponentsBuilder.fromUri(session.getUri()).build(true).getQueryParams().getFirst("token");
		return (raw != null) ? UriUtils.decode(raw, StandardCharsets.UTF_8) : null;
	}

}

package com.homemadealexa.device;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The WebSocket endpoints: {@code /ws/internal} for devices (and {@code /ws}, the path
 * the firmware's example configuration uses), {@code /ws/public} for the webapp. Any
 * origin is allowed here: devices send none, and the webapp comes through the reverse
 * proxy from its own origin.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class DeviceSocketConfiguration implements WebSocketConfigurer {

	// Tomcat reserves a text buffer (2 bytes a character) and a binary buffer of these
	// sizes for every session, up front. The firmware never sends a frame over 130
	// bytes, nor the webapp a hello over a few hundred, so 1 KiB holds every real
	// message in one part; a larger one arrives in parts, which the handlers put back
	// together up to FrameAssembler.MAX_MESSAGE_CHARS (64 Ki, the limit as before).
	// 64 KiB buffers cost 192 KB of heap per connection (docs/performance.md).
	static final int RECEIVE_BUFFER_BYTES = 1024;

	private final DeviceRegistry registry;

	private final DeviceMessageReader reader;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PublicSocketAuthenticator> authenticator;

	DeviceSocketConfiguration(DeviceRegistry registry, DeviceMessageReader reader, ApplicationEventPublisher events,
			ObjectProvider<PublicSocketAuthenticator> authenticator) {
		this.registry = registry;
		this.reader = reader;
		this.events = events;
		this.authenticator = authenticator;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry handlers) {
		handlers
			.addHandler(new DeviceSocketHandler(this.registry, this.reader, this.events, false), "/ws/internal", "/ws")
			.setAllowedOrigins("*");
		handlers
			.addHandler(new WebappSocketHandler(this.registry, this.reader, this.events, this.authenticator),
					"/ws/public")
			.setAllowedOrigins("*");
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(RECEIVE_BUFFER_BYTES);
		container.setMaxBinaryMessageBufferSize(RECEIVE_BUFFER_BYTES);
		return container;
	}

}

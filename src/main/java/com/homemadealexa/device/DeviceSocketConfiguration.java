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

	// Frames from devices are small; the limit only has to let an odd large frame be
	// read and ignored instead of closing the socket (Tomcat's default is 8 KiB).
	private static final int MAX_FRAME_BYTES = 64 * 1024;

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
		container.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
		container.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
		return container;
	}

}

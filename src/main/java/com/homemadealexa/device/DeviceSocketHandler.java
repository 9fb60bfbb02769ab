package com.homemadealexa.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws/internal}: the ESP32 devices. Frames the server does not understand are
 * logged and ignored; the connection stays open, because a device that is disconnected
 * for an odd frame would reconnect and send it again.
 */
class DeviceSocketHandler extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(DeviceSocketHandler.class);

	private static final int LOGGED_CHARS = 200;

	private final DeviceRegistry registry;

	private final DeviceMessageReader reader;

	private final ApplicationEventPublisher events;

	private final boolean webapp;

	DeviceSocketHandler(DeviceRegistry registry, DeviceMessageReader reader, ApplicationEventPublisher events,
			boolean webapp) {
		this.registry = registry;
		this.reader = reader;
		this.events = events;
		this.webapp = webapp;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		this.registry.register(session, this.webapp);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		DeviceConnection connection = this.registry.connection(session.getId()).orElse(null);
		if (connection == null) {
			return;
		}
		connection.heard(System.nanoTime());
		switch (this.reader.read(message.getPayload())) {
			case DeviceMessage.Hello hello -> {
				this.registry.hello(connection, hello);
				DeviceInfo said = connection.info();
				log.info("Hello from {} ({}, {})", said.hostname(), said.hwType(), said.address());
			}
			case DeviceMessage.Wakeword wakeword -> wakeword(connection);
			case DeviceMessage.Unknown unknown ->
				log.debug("Ignoring unknown message from {}: {}", connection.info().address(), shorten(unknown.json()));
			case DeviceMessage.Malformed malformed -> log.warn("Ignoring a frame that is not a JSON object from {}: {}",
					connection.info().address(), shorten(malformed.text()));
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		// The base class closes the socket on binary frames; the contract says ignore
		// them.
		this.registry.connection(session.getId()).ifPresent((connection) -> {
			connection.heard(System.nanoTime());
			log.debug("Ignoring a binary frame of {} bytes from {}", message.getPayloadLength(),
					connection.info().address());
		});
	}

	@Override
	protected void handlePongMessage(WebSocketSession session, PongMessage message) {
		this.registry.connection(session.getId()).ifPresent((connection) -> connection.heard(System.nanoTime()));
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("Transport error on connection {}: {}", session.getId(), exception.getMessage());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.registry.unregister(session, status);
	}

	private void wakeword(DeviceConnection connection) {
		DeviceInfo device = connection.info();
		log.info("Wake word on {} ({})", device.hostname(), device.address());
		try {
			this.events.publishEvent(new WakewordHeard(device));
		}
		catch (RuntimeException ex) {
			// A failing listener must not close the device's socket (Spring closes it on
			// any exception escaping the handler).
			log.error("Handling the wake word of {} failed", device.address(), ex);
		}
	}

	private static String shorten(String text) {
		return (text.length() <= LOGGED_CHARS) ? text : text.substring(0, LOGGED_CHARS) + "…";
	}

}

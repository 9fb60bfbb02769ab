package com.homemadealexa.device;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
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
 * for an odd frame would reconnect and send it again. A message over
 * {@link FrameAssembler#MAX_MESSAGE_CHARS} closes the socket with 1009 (too big).
 */
class DeviceSocketHandler extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(DeviceSocketHandler.class);

	private static final int LOGGED_CHARS = 200;

	private static final String ASSEMBLER = FrameAssembler.class.getName();

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

	/**
	 * Messages arrive in parts of at most the socket's small receive buffer, and are put
	 * back together here (see {@link FrameAssembler}).
	 */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		DeviceConnection connection = this.registry.connection(session.getId()).orElse(null);
		if (connection == null) {
			return;
		}
		connection.heard(System.nanoTime());
		String text;
		try {
			text = whole(session, message);
		}
		catch (FrameAssembler.TooBig ex) {
			tooBig(session, connection);
			return;
		}
		if (text == null) {
			return;
		}
		switch (this.reader.read(text)) {
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
		DeviceConnection connection = this.registry.connection(session.getId()).orElse(null);
		if (connection == null) {
			return;
		}
		connection.heard(System.nanoTime());
		try {
			if (assembler(session).binary(message.getPayloadLength(), message.isLast())) {
				log.debug("Ignoring a binary frame from {}", connection.info().address());
			}
		}
		catch (FrameAssembler.TooBig ex) {
			tooBig(session, connection);
		}
	}

	private static @Nullable String whole(WebSocketSession session, TextMessage message) throws FrameAssembler.TooBig {
		if (message.isLast() && !session.getAttributes().containsKey(ASSEMBLER)) {
			// The usual case, a frame that fitted the buffer: nothing to put together.
			if (message.getPayload().length() > FrameAssembler.MAX_MESSAGE_CHARS) {
				throw new FrameAssembler.TooBig();
			}
			return message.getPayload();
		}
		return assembler(session).text(message.getPayload(), message.isLast());
	}

	private static FrameAssembler assembler(WebSocketSession session) {
		return (FrameAssembler) session.getAttributes().computeIfAbsent(ASSEMBLER, (key) -> new FrameAssembler());
	}

	private static void tooBig(WebSocketSession session, DeviceConnection connection) {
		log.warn("Closing the socket of {}: a message over {} characters", connection.info().address(),
				FrameAssembler.MAX_MESSAGE_CHARS);
		try {
			session.close(CloseStatus.TOO_BIG_TO_PROCESS);
		}
		catch (IOException ex) {
			log.debug("Closing the socket of {} failed: {}", connection.info().address(), ex.getMessage());
		}
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

package com.homemadealexa.device;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open device connections, keyed by WebSocket session id. Devices are registered when
 * the socket opens (before their hello), so commands reach them from the start.
 */
@Component
class DeviceRegistry implements Devices {

	private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

	private final Map<String, DeviceConnection> connections = new ConcurrentHashMap<>();

	private final AtomicLong order = new AtomicLong();

	private final DeviceCommandJson json;

	DeviceRegistry(DeviceCommandJson json) {
		this.json = json;
	}

	DeviceConnection register(WebSocketSession session, boolean webapp) {
		DeviceInfo info = new DeviceInfo(session.getId(), address(session), null, null, null, Instant.now(), webapp);
		DeviceConnection connection = new DeviceConnection(session, this.order.incrementAndGet(), info,
				System.nanoTime());
		this.connections.put(connection.id(), connection);
		connection.start((reason) -> drop(connection, reason));
		log.info("Device connected from {} ({}, connection {})", info.address(), webapp ? "webapp" : "device",
				connection.id());
		return connection;
	}

	Optional<DeviceConnection> connection(String connectionId) {
		return Optional.ofNullable(this.connections.get(connectionId));
	}

	Collection<DeviceConnection> connections() {
		return List.copyOf(this.connections.values());
	}

	void unregister(WebSocketSession session, CloseStatus status) {
		DeviceConnection connection = this.connections.remove(session.getId());
		if (connection != null) {
			connection.stop();
			DeviceInfo info = connection.info();
			log.info("Device {} ({}) disconnected: {}", name(info), info.address(), status);
		}
	}

	/**
	 * Forgets a connection that stopped working and closes it without waiting: closing
	 * tries to send a close frame, which a stuck peer would not read.
	 */
	void drop(DeviceConnection connection, String reason) {
		if (!this.connections.remove(connection.id(), connection)) {
			return;
		}
		connection.stop();
		DeviceInfo info = connection.info();
		log.warn("Dropping device {} ({}): {}", name(info), info.address(), reason);
		Thread.ofVirtual().name("device-close-" + connection.id()).start(() -> {
			try {
				connection.session().close(CloseStatus.SESSION_NOT_RELIABLE);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing dropped connection {} failed: {}", connection.id(), ex.getMessage());
			}
		});
	}

	@Override
	public List<DeviceInfo> connected() {
		return this.connections.values()
			.stream()
			.sorted(Comparator.comparingLong(DeviceConnection::order))
			.map(DeviceConnection::info)
			.toList();
	}

	@Override
	public Optional<DeviceInfo> findByAddress(String address) {
		return newest((info) -> info.address().equals(address));
	}

	@Override
	public Optional<DeviceInfo> findByHostname(String hostname) {
		return newest((info) -> hostname.equalsIgnoreCase(info.hostname()));
	}

	@Override
	public boolean send(String connectionId, DeviceCommand command) {
		DeviceConnection connection = this.connections.get(connectionId);
		return connection != null && enqueue(connection, new TextMessage(this.json.write(command)));
	}

	@Override
	public int broadcast(DeviceCommand command) {
		TextMessage message = new TextMessage(this.json.write(command));
		int queued = 0;
		for (DeviceConnection connection : connections()) {
			if (enqueue(connection, message)) {
				queued++;
			}
		}
		return queued;
	}

	private boolean enqueue(DeviceConnection connection, WebSocketMessage<?> message) {
		if (connection.enqueue(message)) {
			return true;
		}
		if (!connection.isClosed()) {
			drop(connection, "its outbox is full (" + DeviceConnection.OUTBOX_LIMIT + " messages)");
		}
		return false;
	}

	private Optional<DeviceInfo> newest(Predicate<DeviceInfo> filter) {
		return this.connections.values()
			.stream()
			.filter((connection) -> filter.test(connection.info()))
			.max(Comparator.comparingLong(DeviceConnection::order))
			.map(DeviceConnection::info);
	}

	private static String name(DeviceInfo info) {
		return (info.hostname() != null) ? info.hostname() : "without hello";
	}

	private static String address(WebSocketSession session) {
		InetSocketAddress remote = session.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}

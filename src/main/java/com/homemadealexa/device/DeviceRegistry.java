package com.homemadealexa.device;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open device connections, keyed by WebSocket session id. Devices are registered when
 * the socket opens (before their hello), so commands reach them from the start. One
 * physical device has one entry: a device that rebooted abandons its old connection
 * without a close frame, so its new hello replaces the old entry at once. Webapp tabs are
 * kept apart from devices: they are never found by a device's name or address.
 */
@Component
class DeviceRegistry implements Devices {

	static final CloseStatus REPLACED = CloseStatus.NORMAL.withReason("Replaced by a newer connection");

	private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

	private static final String WEBAPP_PREFIX = "webapp-";

	private final Map<String, DeviceConnection> connections = new ConcurrentHashMap<>();

	private final AtomicLong order = new AtomicLong();

	private final DeviceCommandJson json;

	DeviceRegistry(DeviceCommandJson json) {
		this.json = json;
	}

	DeviceConnection register(WebSocketSession session, boolean webapp) {
		DeviceInfo info = new DeviceInfo(session.getId(), address(session.getRemoteAddress()), null, null, null,
				Instant.now(), webapp, serverAddress(session.getLocalAddress()));
		DeviceConnection connection = new DeviceConnection(session, this.order.incrementAndGet(), info,
				System.nanoTime());
		this.connections.put(connection.id(), connection);
		connection.start((reason) -> drop(connection, reason));
		log.debug("Device connected from {} ({}, connection {})", info.address(), webapp ? "webapp" : "device",
				connection.id());
		return connection;
	}

	/**
	 * Records a hello. A device's hello replaces every older connection of the same
	 * device (same hostname, or same address and MAC); a webapp tab's name is kept apart
	 * from device names.
	 * @return the connections it replaced
	 */
	List<DeviceConnection> hello(DeviceConnection connection, DeviceMessage.Hello hello) {
		DeviceInfo info = connection.info();
		if (info.webapp()) {
			connection.hello(webappName(hello));
			return List.of();
		}
		connection.hello(hello);
		DeviceInfo said = connection.info();
		List<DeviceConnection> older = this.connections.values()
			.stream()
			.filter((other) -> other != connection && !other.info().webapp() && sameDevice(other.info(), said))
			.toList();
		for (DeviceConnection replaced : older) {
			if (this.connections.remove(replaced.id(), replaced)) {
				replaced.stop();
				log.info("Device {} ({}) reconnected; its older connection {} is closed", said.hostname(),
						said.address(), replaced.id());
				closeInBackground(replaced, REPLACED);
			}
		}
		return older;
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
		closeInBackground(connection, CloseStatus.SESSION_NOT_RELIABLE);
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
		return newestDevice((info) -> info.address().equals(address));
	}

	@Override
	public Optional<DeviceInfo> findByHostname(String hostname) {
		return newestDevice((info) -> hostname.equalsIgnoreCase(info.hostname()));
	}

	@Override
	public boolean send(String connectionId, DeviceCommand command) {
		DeviceConnection connection = this.connections.get(connectionId);
		return connection != null && enqueue(connection, message(connection, command));
	}

	@Override
	public int broadcast(DeviceCommand command) {
		TextMessage forDevices = new TextMessage(this.json.forDevice(command).text());
		TextMessage forWebapps = new TextMessage(this.json.write(command));
		int queued = 0;
		for (DeviceConnection connection : connections()) {
			if (enqueue(connection, connection.info().webapp() ? forWebapps : forDevices)) {
				queued++;
			}
		}
		return queued;
	}

	private TextMessage message(DeviceConnection connection, DeviceCommand command) {
		return new TextMessage(
				connection.info().webapp() ? this.json.write(command) : this.json.forDevice(command).text());
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

	private Optional<DeviceInfo> newestDevice(Predicate<DeviceInfo> filter) {
		return this.connections.values()
			.stream()
			.filter((connection) -> !connection.info().webapp() && filter.test(connection.info()))
			.max(Comparator.comparingLong(DeviceConnection::order))
			.map(DeviceConnection::info);
	}

	private static boolean sameDevice(DeviceInfo older, DeviceInfo newer) {
		if (newer.hostname() != null && newer.hostname().equalsIgnoreCase(older.hostname())) {
			return true;
		}
		return newer.macAddr() != null && newer.address().equals(older.address())
				&& Objects.equals(newer.macAddr(), older.macAddr());
	}

	// A tab may call itself anything; "box-kitchen" from a browser must not be mistaken
	// for the kitchen's device in the console or in logs.
	private static DeviceMessage.Hello webappName(DeviceMessage.Hello hello) {
		String name = hello.hostname();
		if (name == null || name.regionMatches(true, 0, WEBAPP_PREFIX, 0, WEBAPP_PREFIX.length())) {
			return hello;
		}
		String prefixed = WEBAPP_PREFIX + name;
		return new DeviceMessage.Hello(
				prefixed.substring(0, Math.min(prefixed.length(), DeviceMessageReader.MAX_NAME_CHARS)), hello.hwType(),
				hello.macAddr());
	}

	private static void closeInBackground(DeviceConnection connection, CloseStatus status) {
		Thread.ofVirtual().name("device-close-" + connection.id()).start(() -> {
			try {
				connection.session().close(status);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing connection {} failed: {}", connection.id(), ex.getMessage());
			}
		});
	}

	private static String name(DeviceInfo info) {
		return (info.hostname() != null) ? info.hostname() : "without hello";
	}

	private static String address(@Nullable InetSocketAddress remote) {
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private static String serverAddress(@Nullable InetSocketAddress local) {
		if (local == null) {
			return "";
		}
		String host = address(local);
		if (host.contains(":")) {
			int zone = host.indexOf('%');
			host = "[" + ((zone >= 0) ? host.substring(0, zone) : host) + "]";
		}
		return host + ":" + local.getPort();
	}

}

package com.homemadealexa.speech.wyoming;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One TCP connection to a Wyoming service, reading and writing events in the protocol's
 * framing: a JSON header line ({@code type}, optional {@code data}, {@code data_length},
 * {@code payload_length}), then {@code data_length} bytes of JSON merged over
 * {@code data}, then {@code payload_length} bytes of payload. Both places of the data are
 * read (older peers inline it); it is written as a separate segment, as current peers do.
 *
 * <p>
 * Everything read is bounded: a header line of at most 64 KiB, data of at most 4 MiB, a
 * payload of at most 4 MiB. Time is bounded by {@link #expireIn}: when it runs out the
 * socket is closed, which ends any blocked read or write. Used by one thread at a time.
 */
final class WyomingConnection implements AutoCloseable {

	static final int MAX_HEADER_BYTES = 64 * 1024;

	static final int MAX_DATA_BYTES = 4 * 1024 * 1024;

	static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

	/** The protocol version this client writes (the library's at the time of writing). */
	static final String VERSION = "1.8.0";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
			(task) -> Thread.ofPlatform().daemon().name("wyoming-watchdog").unstarted(task));

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private @Nullable ScheduledFuture<?> expiry;

	private volatile boolean expired;

	private volatile @Nullable Duration expiresAfter;

	private WyomingConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream());
		this.out = new BufferedOutputStream(socket.getOutputStream());
	}

	/**
	 * Connects within the timeout.
	 * @throws java.net.ConnectException when the service refuses the connection
	 * @throws SocketTimeoutException when it does not accept it in time
	 */
	static WyomingConnection open(WyomingAddress address, Duration timeout) throws IOException {
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(address.host(), address.port()), millis(timeout));
			return new WyomingConnection(socket);
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Closes the connection once this time has passed, unless called again first: any
	 * read or write still waiting then fails with a {@link SocketTimeoutException}.
	 */
	synchronized void expireIn(Duration timeout) {
		if (this.expiry != null) {
			this.expiry.cancel(false);
		}
		this.expiresAfter = timeout;
		this.expiry = watchdog.schedule(() -> {
			this.expired = true;
			closeQuietly();
		}, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
	}

	void send(String type, @Nullable ObjectNode data) throws IOException {
		send(type, data, null, 0, 0);
	}

	/**
	 * Writes one event and flushes it.
	 */
	void send(String type, @Nullable ObjectNode data, byte @Nullable [] payload, int offset, int length)
			throws IOException {
		ObjectNode header = json.createObjectNode();
		header.put("type", type);
		header.put("version", VERSION);
		byte[] dataBytes = (data != null && !data.isEmpty()) ? json.writeValueAsBytes(data) : new byte[0];
		if (dataBytes.length > 0) {
			header.put("data_length", dataBytes.length);
		}
		int payloadLength = (payload != null) ? length : 0;
		if (payloadLength > 0) {
			header.put("payload_length", payloadLength);
		}
		try {
			this.out.write(json.writeValueAsBytes(header));
			this.out.write('\n');
			this.out.write(dataBytes);
			if (payload != null && payloadLength > 0) {
				this.out.write(payload, offset, payloadLength);
			}
			this.out.flush();
		}
		catch (IOException ex) {
			throw expiredOr(ex);
		}
	}

	/**
	 * Reads the next event.
	 * @throws WyomingClosedException when the service closed the connection
	 * @throws WyomingProtocolException when what it sent is not a Wyoming event
	 * @throws SocketTimeoutException when the time set by {@link #expireIn} ran out
	 */
	WyomingEvent read() throws IOException {
		try {
			byte[] line = readLine();
			ObjectNode header = object(line, "header");
			JsonNode type = header.path("type");
			if (!type.isString() || type.asString().isBlank()) {
				throw new WyomingProtocolException("an event header without a type");
			}
			JsonNode inline = header.path("data");
			ObjectNode data = inline.isObject() ? (ObjectNode) inline : json.createObjectNode();
			int dataLength = length(header, "data_length", MAX_DATA_BYTES);
			if (dataLength > 0) {
				data.setAll(object(readExactly(dataLength), "data"));
			}
			int payloadLength = length(header, "payload_length", MAX_PAYLOAD_BYTES);
			byte[] payload = (payloadLength > 0) ? readExactly(payloadLength) : new byte[0];
			return new WyomingEvent(type.asString(), data, payload);
		}
		catch (WyomingProtocolException | WyomingClosedException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw expiredOr(ex);
		}
	}

	private byte[] readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(256);
		while (true) {
			int next = this.in.read();
			if (next == -1) {
				if (this.expired) {
					throw timeout();
				}
				throw new WyomingClosedException((line.size() == 0) ? "closed the connection"
						: "closed the connection in the middle of an event");
			}
			if (next == '\n') {
				return line.toByteArray();
			}
			if (line.size() >= MAX_HEADER_BYTES) {
				throw new WyomingProtocolException("an event header longer than " + MAX_HEADER_BYTES + " bytes");
			}
			line.write(next);
		}
	}

	private byte[] readExactly(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length < length) {
			if (this.expired) {
				throw timeout();
			}
			throw new WyomingClosedException("closed the connection in the middle of an event");
		}
		return bytes;
	}

	private static ObjectNode object(byte[] bytes, String what) throws WyomingProtocolException {
		try {
			JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
			if (node instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			throw new WyomingProtocolException("an event " + what + " that is not JSON");
		}
		throw new WyomingProtocolException("an event " + what + " that is not a JSON object");
	}

	private static int length(ObjectNode header, String field, int max) throws WyomingProtocolException {
		JsonNode value = header.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return 0;
		}
		if (!value.isIntegralNumber() || value.asLong() < 0) {
			throw new WyomingProtocolException("a " + field + " that is not a length: " + value);
		}
		if (value.asLong() > max) {
			throw new WyomingProtocolException("a " + field + " of " + value.asLong() + " bytes (at most " + max + ")");
		}
		return value.asInt();
	}

	private IOException expiredOr(IOException ex) {
		return this.expired ? timeout() : ex;
	}

	private SocketTimeoutException timeout() {
		Duration after = this.expiresAfter;
		return new SocketTimeoutException(
				"no answer within " + ((after != null) ? after.toMillis() / 1000.0 + " s" : "the time allowed"));
	}

	private void closeQuietly() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing is all that is left to do.
		}
	}

	@Override
	public synchronized void close() {
		if (this.expiry != null) {
			this.expiry.cancel(false);
		}
		closeQuietly();
	}

	private static int millis(Duration timeout) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
	}

	/** The service closed the connection before the exchange was over. */
	static final class WyomingClosedException extends IOException {

		WyomingClosedException(String message) {
			super(message);
		}

	}

	/** The service sent something that is not a Wyoming event, or not in its place. */
	static final class WyomingProtocolException extends IOException {

		WyomingProtocolException(String message) {
			super(message);
		}

	}

}

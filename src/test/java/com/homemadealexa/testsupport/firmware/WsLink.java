package com.homemadealexa.testsupport.firmware;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One TCP connection of the firmware's WebSocket client: the upgrade request written in
 * one piece, the 1024-byte response buffer, pings after a silence, close handling as in
 * esp_websocket_client 1.1.0.
 */
public final class WsLink {

	/** A piece of at most 4096 bytes of a TEXT frame, as one DATA event. */
	interface PieceListener {

		void piece(WsLink link, String piece);

	}

	/** The connection ended after a server close frame. */
	interface CloseListener {

		void closed(WsLink link, boolean tcpClosedInTime);

	}

	static final int BUFFER_SIZE = 4096;

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final Socket socket;

	private final OutputStream out;

	private final DataInputStream in;

	private final FirmwareOptions options;

	private final PieceListener pieces;

	private final CloseListener closes;

	private final CompletableFuture<Boolean> serverClose = new CompletableFuture<>();

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	private final AtomicInteger pongs = new AtomicInteger();

	private final AtomicInteger pings = new AtomicInteger();

	private final AtomicInteger serverPings = new AtomicInteger();

	private final Object writeLock = new Object();

	private volatile long lastReceived = System.nanoTime();

	private volatile boolean abandoned;

	private WsLink(Socket socket, DataInputStream in, FirmwareOptions options, PieceListener pieces,
			CloseListener closes) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = in;
		this.options = options;
		this.pieces = pieces;
		this.closes = closes;
	}

	static WsLink open(FirmwareOptions options, PieceListener pieces, CloseListener closes) throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.bind(new InetSocketAddress(InetAddress.getByName(options.bindAddress()), 0));
		socket.connect(new InetSocketAddress(options.serverHost(), options.serverPort()), 5000);
		socket.setSoTimeout(10_000);
		byte[] keyBytes = new byte[16];
		new SecureRandom().nextBytes(keyBytes);
		String key = Base64.getEncoder().encodeToString(keyBytes);
		String request = "GET " + options.path() + " HTTP/1.1\r\n" + "Connection: Upgrade\r\n" + "Host: "
				+ options.serverHost() + ":" + options.serverPort() + "\r\n" + "User-Agent: Alexa/0.1\r\n"
				+ "Upgrade: websocket\r\n" + "Sec-WebSocket-Version: 13\r\n" + "Sec-WebSocket-Key: " + key + "\r\n"
				+ "\r\n";
		socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		InputStream raw = socket.getInputStream();
		byte[] buffer = new byte[1024];
		int filled = 0;
		int headerEnd = -1;
		while (headerEnd < 0) {
			if (filled >= 1023) {
				socket.close();
				throw new IOException("The upgrade response headers are 1023 bytes or more");
			}
			int read = raw.read(buffer, filled, 1023 - filled);
			if (read < 0) {
				socket.close();
				throw new IOException("The server closed the connection during the upgrade");
			}
			filled += read;
			headerEnd = indexOf(buffer, filled, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		String head = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
		String expected = accept(key);
		boolean accepted = head.lines()
			.map((line) -> line.split(":", 2))
			.anyMatch((parts) -> parts.length == 2
					&& parts[0].strip().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")
					&& parts[1].strip().equals(expected));
		if (!accepted) {
			socket.close();
			throw new IOException("Sec-WebSocket-Accept not found (" + head.lines().findFirst().orElse("") + ")");
		}
		// Bytes after the header are kept as frame data.
		InputStream rest = new ByteArrayInputStream(buffer, headerEnd + 4, filled - headerEnd - 4);
		DataInputStream in = new DataInputStream(new SequenceInputStream(rest, raw));
		socket.setSoTimeout(0);
		WsLink link = new WsLink(socket, in, options, pieces, closes);
		Thread.ofVirtual().name("firmware-ws-read").start(link::readLoop);
		Thread.ofVirtual().name("firmware-ws-ping").start(link::pingLoop);
		return link;
	}

	/** Sends a text message the way {@code ws_send_json} does. */
	public void sendText(String text) {
		send(WsFrames.TEXT, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return true when the server closed TCP within 1 s of the device's close echo,
	 * false when it did not (1.1.0 then never reconnects); completes when the server
	 * closes the socket
	 */
	public CompletableFuture<Boolean> serverClose() {
		return this.serverClose;
	}

	/** Completes when this connection is over, however it ended. */
	public CompletableFuture<Void> ended() {
		return this.ended;
	}

	public int pingsSent() {
		return this.pings.get();
	}

	public int pongsReceived() {
		return this.pongs.get();
	}

	public int serverPingsAnswered() {
		return this.serverPings.get();
	}

	public InetSocketAddress localAddress() {
		return (InetSocketAddress) this.socket.getLocalSocketAddress();
	}

	/** The device rebooted: it neither reads, answers nor closes this connection. */
	void abandon() {
		this.abandoned = true;
	}

	/** Power loss or a reboot's stack answering the old connection: a TCP reset. */
	void reset() {
		this.abandoned = true;
		try {
			this.socket.setSoLinger(true, 0);
			this.socket.close();
		}
		catch (IOException ex) {
			// Already gone.
		}
		this.ended.complete(null);
	}

	/** {@code deinit_server}: an empty close frame, then up to 5 s for the server. */
	void closeFromDevice() {
		send(WsFrames.CLOSE, new byte[0]);
		try {
			this.ended.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// The close task gives up after 5 s.
		}
		reset();
	}

	private void send(int opcode, byte[] payload) {
		if (this.abandoned) {
			return;
		}
		synchronized (this.writeLock) {
			try {
				WsFrames.write(this.out, opcode, payload);
			}
			catch (IOException ex) {
				// ws_send_json drops what it cannot send.
			}
		}
	}

	private void readLoop() {
		try {
			while (true) {
				WsFrames.Frame frame = WsFrames.read(this.in);
				if (this.abandoned) {
					continue;
				}
				this.lastReceived = System.nanoTime();
				switch (frame.opcode()) {
					case WsFrames.TEXT -> deliverInPieces(frame.payload());
					case WsFrames.PING -> {
						this.serverPings.incrementAndGet();
						send(WsFrames.PONG, frame.payload());
					}
					case WsFrames.PONG -> this.pongs.incrementAndGet();
					case WsFrames.CLOSE -> {
						closeEcho();
						return;
					}
					default -> {
						// Continuation and binary frames are not acted on.
					}
				}
			}
		}
		catch (EOFException ex) {
			this.serverClose.complete(false);
		}
		catch (IOException ex) {
			this.serverClose.complete(false);
		}
		finally {
			this.ended.complete(null);
		}
	}

	private void deliverInPieces(byte[] payload) {
		for (int offset = 0; offset < payload.length; offset += BUFFER_SIZE) {
			int length = Math.min(BUFFER_SIZE, payload.length - offset);
			this.pieces.piece(this, new String(payload, offset, length, StandardCharsets.UTF_8));
		}
		if (payload.length == 0) {
			this.pieces.piece(this, "");
		}
	}

	// The client echoes an empty close frame and gives the server 1 s to close TCP
	// (esp_transport_ws_poll_connection_closed).
	private void closeEcho() {
		send(WsFrames.CLOSE, new byte[0]);
		boolean closedInTime;
		try {
			this.socket.setSoTimeout(1000);
			closedInTime = drainUntilEof();
		}
		catch (IOException ex) {
			closedInTime = true;
		}
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.serverClose.complete(closedInTime);
		this.closes.closed(this, closedInTime);
	}

	private boolean drainUntilEof() throws IOException {
		byte[] sink = new byte[256];
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		try {
			while (System.nanoTime() < deadline) {
				if (this.in.read(sink) < 0) {
					return true;
				}
			}
			return false;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private void pingLoop() {
		long silence = this.options.pingAfterSilence().toNanos();
		while (!this.ended.isDone()) {
			try {
				Thread.sleep(Math.max(10, Math.min(250, silence / 4_000_000)));
			}
			catch (InterruptedException ex) {
				return;
			}
			if (!this.abandoned && System.nanoTime() - this.lastReceived >= silence) {
				this.pings.incrementAndGet();
				send(WsFrames.PING, new byte[0]);
				this.lastReceived = System.nanoTime();
			}
		}
	}

	private static String accept(String key) {
		try {
			byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(sha1);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int indexOf(byte[] data, int length, byte[] pattern) {
		outer: for (int i = 0; i + pattern.length <= length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}

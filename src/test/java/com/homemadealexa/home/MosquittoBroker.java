package com.homemadealexa.home;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * A real mosquitto broker on a free loopback port, started from a temporary config. A
 * machine without mosquitto fails the test (CI installs it) instead of skipping it.
 */
final class MosquittoBroker implements AutoCloseable {

	private final Path folder;

	private final int port;

	private Process process;

	private MosquittoBroker(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	static MosquittoBroker start(Path folder) throws IOException {
		return start(folder, freePort());
	}

	static MosquittoBroker start(Path folder, int port) throws IOException {
		MosquittoBroker broker = new MosquittoBroker(folder, port);
		broker.start();
		return broker;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the broker (again) on its port.
	 */
	void start() throws IOException {
		Path config = this.folder.resolve("mosquitto.conf");
		Files.writeString(config, """
				listener %d 127.0.0.1
				allow_anonymous true
				persistence false
				log_dest stdout
				""".formatted(this.port));
		this.process = new ProcessBuilder(executable().toString(), "-c", config.toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.resolve("mosquitto.log").toFile()))
			.start();
		await().atMost(Duration.ofSeconds(10)).until(this::acceptsConnections);
	}

	/**
	 * Stops the broker; {@link #start()} brings it back on the same port.
	 */
	void stop() throws InterruptedException {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		this.process = null;
		await().atMost(Duration.ofSeconds(10)).until(() -> !acceptsConnections());
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private boolean acceptsConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path executable() {
		Optional<Path> found = Optional.of(Path.of("/usr/sbin/mosquitto")).filter(Files::isExecutable);
		if (found.isEmpty()) {
			found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
				.map((dir) -> Path.of(dir, "mosquitto"))
				.filter(Files::isExecutable)
				.findFirst();
		}
		return found.orElseGet(() -> fail(
				"The MQTT tests need the mosquitto broker: install it (apt-get install mosquitto); it was not found in /usr/sbin or on the PATH"));
	}

}

package com.homemadealexa.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.homemadealexa.HomemadeAlexaApplication;
import com.homemadealexa.testsupport.ServerClasspath;
import com.homemadealexa.testsupport.ServerHealth;

import static org.awaitility.Awaitility.await;

/**
 * The server as its own operating-system process, started from the built classes the way
 * a user starts the jar, so that a test can kill it like a power cut ({@code SIGKILL}).
 * The test classes are left off its classpath: their test configurations would otherwise
 * be picked up by component scanning.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ServerProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the server and waits until it is healthy.
	 * @param config the {@code config.toml} to use
	 * @param log where its output goes (appended)
	 * @param arguments more command-line arguments
	 */
	static ServerProcess start(Path config, int port, Path log, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", ServerClasspath.mainClasses(),
						HomemadeAlexaApplication.class.getName(), "--config=" + config, "--server.port=" + port));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		ServerProcess server = new ServerProcess(process, log, port);
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> !process.isAlive() || ServerHealth.isUp(server.http(), server.uri("")));
		}
		catch (RuntimeException ex) {
			server.close();
			throw new AssertionError("The server did not become healthy; its log ends with:\n" + server.logTail(), ex);
		}
		if (!process.isAlive()) {
			throw new AssertionError(
					"The server exited with " + process.exitValue() + "; its log ends with:\n" + server.logTail());
		}
		return server;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpClient http() {
		return this.http;
	}

	/**
	 * Kills the process without warning, like a power cut, and waits until it is gone.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** Stops the process the way a service manager does ({@code SIGTERM}). */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

}

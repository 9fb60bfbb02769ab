package com.homemadealexa.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mindrot.jbcrypt.BCrypt;

/**
 * The server as users start it: {@code ./alexa} (which runs the built jar with the
 * launcher's JVM options) in its own process, with the shipped {@code config.toml} and
 * its folders in a temporary directory. {@link #start} returns once the first HTTP
 * request has been answered, and says how long that took from the moment the process was
 * started.
 *
 * <p>
 * {@code -Dbenchmark.java-opts=...} is passed as {@code JAVA_OPTS}, to compare JVM
 * options in one run.
 */
final class ServerJar implements AutoCloseable {

	static final Path JAR = Path.of("target", "homemade-alexa-server.jar");

	/** Where {@code ./alexa} unpacks the jar and keeps the AOT cache. */
	static final Path UNPACKED = Path.of("target", "homemade-alexa-server");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Process process;

	private final URI url;

	private final Path log;

	private final Duration startup;

	private ServerJar(Process process, URI url, Path log, Duration startup) {
		this.process = process;
		this.url = url;
		this.log = log;
		this.startup = startup;
	}

	/**
	 * Starts {@code ./alexa} and waits for its first answered request
	 * ({@code GET /actuator/health/liveness}, the image's health check).
	 * @param folder where the config, data, firmware and log go
	 * @param javaOptions {@code JAVA_OPTS} for the launcher (may be empty)
	 * @param environment more environment variables (e.g. {@code ALEXA_AOT=off})
	 */
	static ServerJar start(Path folder, String javaOptions, Map<String, String> environment) throws IOException {
		requireFreshJar();
		Path config = folder.resolve("config.toml");
		if (!Files.exists(config)) {
			Files.copy(Path.of("config.toml"), config, StandardCopyOption.REPLACE_EXISTING);
		}
		int port = freePort();
		Path log = folder.resolve("server.log");
		// BENCHMARK_LAUNCHER (with ALEXA_JAR) runs another launcher and jar, e.g. an
		// earlier
		// version's, so that before and after alternate in one run.
		String launcher = environment.getOrDefault("BENCHMARK_LAUNCHER", "./alexa");
		List<String> command = new ArrayList<>(List.of(launcher, "--config=" + config, "--server.port=" + port,
				"--server.address=127.0.0.1", "--data.dir=" + folder.resolve("data"),
				"--firmware.dir=" + folder.resolve("firmware"), "--audio.log-dir=" + folder.resolve("audio_log"),
				"--auth.password-hash=" + BCrypt.hashpw(BenchmarkServer.PASSWORD, BCrypt.gensalt(4))));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("JAVA_OPTS", javaOptions);
		// A household's configuration: a model and cloud speech are configured (the
		// address answers nothing; start-up never calls it).
		builder.environment().put("OPENAI_API_KEY", "sk-benchmark");
		builder.environment().put("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
		builder.environment().putAll(environment);
		URI url = URI.create("http://127.0.0.1:" + port);
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			long deadline = started + TimeUnit.MINUTES.toNanos(3);
			while (!answers(url)) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The server exited with " + process.exitValue() + "; its log ends with:\n" + tail(log));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The server did not answer; its log ends with:\n" + tail(log));
				}
				// Not synchronisation: the poll interval, which bounds the error of the
				// start-up figure (10 ms).
				TimeUnit.MILLISECONDS.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
		return new ServerJar(process, url, log, Duration.ofNanos(System.nanoTime() - started));
	}

	/** From starting the process to the first answered request. */
	Duration startup() {
		return this.startup;
	}

	URI url() {
		return this.url;
	}

	Path log() {
		return this.log;
	}

	/** The server's resident set size ({@code VmRSS}), in KiB. */
	long rssKib() {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("\\D+", "")))
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The CPU time the server's process has used (user and system,
	 * {@code /proc/<pid>/stat}), in milliseconds: on a busy machine a steadier figure
	 * than the wall time.
	 */
	long cpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(this.process.pid()), "stat"));
			// The fields after the command name, which is in parentheses: utime is the
			// 14th
			// field of the line, stime the 15th, in clock ticks (100 a second on Linux).
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server's threads ({@code /proc/<pid>/task}). */
	long threads() {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(this.process.pid()), "task"))) {
			return tasks.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

	/**
	 * The launcher's JVM options ({@code jvm.options}), as the benchmark prints them
	 * beside the figures.
	 */
	static String launcherOptions() throws IOException {
		return String.join(" ",
				Files.readAllLines(Path.of("jvm.options"))
					.stream()
					.filter((line) -> !line.isBlank() && !line.startsWith("#"))
					.toList());
	}

	private static boolean answers(URI url) {
		try {
			HTTP.send(HttpRequest.newBuilder(url.resolve("/actuator/health/liveness"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The figures must come from the code being measured: a jar older than the compiled
	 * classes is refused.
	 */
	private static void requireFreshJar() throws IOException {
		if (!Files.exists(JAR)) {
			throw new IllegalStateException("No " + JAR + ": run ./mvnw -q -DskipTests package first");
		}
		long jar = Files.getLastModifiedTime(JAR).toMillis();
		try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
			if (classes.filter(Files::isRegularFile).anyMatch((file) -> lastModified(file) > jar)) {
				throw new IllegalStateException(
						JAR + " is older than target/classes: run ./mvnw -q -DskipTests package first");
			}
		}
	}

	private static long lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

}

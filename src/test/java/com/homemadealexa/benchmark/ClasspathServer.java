package com.homemadealexa.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.homemadealexa.HomemadeAlexaApplication;
import com.homemadealexa.testsupport.ServerClasspath;
import com.homemadealexa.testsupport.ServerHealth;
import org.mindrot.jbcrypt.BCrypt;

import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * The server in its own process, started with the JVM options {@code ./alexa} uses
 * ({@code jvm.options}; without the AOT cache), so that its CPU time can be read apart
 * from the benchmark's client and fakes. From the built jar with
 * {@code -Dbenchmark.jar=target/homemade-alexa-server.jar} (nested-jar class loading
 * included), otherwise from the compiled main classes. {@code -Dbenchmark.jfr=FILE}
 * records a flight recording of the server; {@code -Dbenchmark.server-opts="..."} adds
 * JVM options.
 */
final class ClasspathServer implements AutoCloseable {

	private final Process process;

	private final Path folder;

	private final int port;

	private ClasspathServer(Process process, Path folder, int port) {
		this.process = process;
		this.folder = folder;
		this.port = port;
	}

	/**
	 * @param properties Spring property names and values, on top of the benchmark's
	 * defaults (quiet logs, English, a password, temporary folders)
	 */
	static ClasspathServer start(Map<String, String> properties) throws IOException {
		return start(properties, System.getProperty("benchmark.jar", ""),
				System.getProperty("benchmark.server-opts", ""));
	}

	/**
	 * @param properties as above
	 * @param jar the jar to run, or blank for the compiled main classes
	 * @param options JVM options after those of {@code jvm.options}, or blank
	 */
	static ClasspathServer start(Map<String, String> properties, String jar, String options) throws IOException {
		Path folder = Files.createTempDirectory("benchmark-server");
		int port = freePort();
		Map<String, String> all = new LinkedHashMap<>();
		all.put("config", folder.resolve("config.toml").toString());
		all.put("server.port", Integer.toString(port));
		all.put("server.address", "127.0.0.1");
		all.put("data.dir", folder.resolve("data").toString());
		all.put("firmware.dir", folder.resolve("firmware").toString());
		all.put("audio.log-dir", folder.resolve("audio_log").toString());
		all.put("auth.password-hash", BCrypt.hashpw(BenchmarkServer.PASSWORD, BCrypt.gensalt(4)));
		all.put("assistant.language", "en-US");
		all.put("logging.level.root", "WARN");
		all.putAll(properties);
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"@" + Path.of("jvm.options").toAbsolutePath()));
		String jfr = System.getProperty("benchmark.jfr", "");
		if (!jfr.isBlank()) {
			command.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
		}
		if (!options.isBlank()) {
			command.addAll(List.of(options.strip().split("\\s+")));
		}
		if (!jar.isBlank()) {
			command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
		}
		else {
			command.addAll(List.of("-cp", ServerClasspath.mainClasses(), HomemadeAlexaApplication.class.getName()));
		}
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		Files.writeString(folder.resolve("config.toml"), "");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()))
			.start();
		ClasspathServer server = new ClasspathServer(process, folder, port);
		HttpClient http = HttpClient.newHttpClient();
		try {
			// A shared machine under load can take minutes to start a JVM.
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !process.isAlive() || ServerHealth.isUp(http, server.url()));
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		finally {
			http.close();
		}
		if (!process.isAlive()) {
			throw new IllegalStateException("The server exited; its log:\n"
					+ Files.readString(folder.resolve("server.log")).lines().limit(80).toList());
		}
		return server;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** The server process's CPU time so far (user and system, all threads). */
	Duration cpu() {
		return this.process.toHandle().info().totalCpuDuration().orElseThrow();
	}

	/**
	 * The server's CPU time so far by kind of thread, from {@code /proc/PID/task/*}
	 * (Linux; empty elsewhere): the JIT compilers, the garbage collector, and the rest
	 * (requests and everything else). Threads that have ended are missing here but not
	 * from {@link #cpu()}.
	 */
	Map<String, Duration> cpuByThreadKind() {
		Map<String, Duration> kinds = new LinkedHashMap<>();
		kinds.put("jit", Duration.ZERO);
		kinds.put("gc", Duration.ZERO);
		kinds.put("other", Duration.ZERO);
		long ticksPerSecond = 100;
		try (var tasks = Files.list(Path.of("/proc", Long.toString(this.process.pid()), "task"))) {
			for (Path task : tasks.toList()) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					continue;
				}
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				String kind = name.contains("CompilerThre") ? "jit"
						: (name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread")) ? "gc"
								: "other";
				kinds.merge(kind, Duration.ofMillis(ticks * 1000 / ticksPerSecond), Duration::plus);
			}
		}
		catch (IOException ex) {
			return Map.of();
		}
		return kinds;
	}

	/** What {@link #cpuByThreadKind()} grew by since {@code before}, as text. */
	String cpuSplitSince(Map<String, Duration> before, int utterances) {
		StringBuilder text = new StringBuilder();
		cpuByThreadKind().forEach((kind, now) -> text.append((text.length() > 0) ? ", " : "")
			.append(kind)
			.append(' ')
			.append(String.format(java.util.Locale.ROOT, "%.1f ms",
					now.minus(before.getOrDefault(kind, Duration.ZERO)).toNanos() / 1e6 / utterances)));
		return text.toString();
	}

	@Override
	public void close() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		FileSystemUtils.deleteRecursively(this.folder);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

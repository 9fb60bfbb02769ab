package com.homemadealexa.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark 6: the whole server's memory with a fleet of idle devices. The server runs as
 * users start it ({@link ServerJar}: {@code ./alexa}, from the jar, in its own process),
 * the devices in another JVM ({@link DeviceFleet}). Each run starts a fresh server,
 * measures its resident set size when idle, connects N devices (each says hello), waits
 * until the server counts them all ({@code alexa.devices.connected}), lets them idle
 * {@code benchmark.idle-seconds} (10) and measures again. One broadcast to all checks the
 * fleet is really connected.
 *
 * <p>
 * {@code -Dbenchmark.devices=5000} sets N; {@code -Dbenchmark.runs=3} the runs per
 * variant ({@link Variant}).
 */
class IdleFleetBenchmark {

	private static final Pattern GAUGE = Pattern.compile("\"value\"\\s*:\\s*([0-9.]+)");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aFleetOfIdleDevicesFitsInASmallServer() throws Exception {
		int devices = Integer.getInteger("benchmark.devices", 5000);
		int runs = Integer.getInteger("benchmark.runs", 3);
		int idleSeconds = Integer.getInteger("benchmark.idle-seconds", 10);
		List<Variant> variants = Variant.fromProperty();
		Report.line("== 6. %d idle devices: whole-server RSS (./alexa from %s), %d runs per variant", devices,
				ServerJar.JAR, runs);
		Report.machine();
		Report.line("launcher: %s", ServerJar.launcherOptions());
		Map<Variant, List<double[]>> figures = new LinkedHashMap<>();
		variants.forEach((variant) -> figures.put(variant, new ArrayList<>()));
		for (int run = 1; run <= runs; run++) {
			for (Variant variant : variants) {
				Path folder = Files.createTempDirectory("fleet-benchmark");
				try {
					double[] measured = measure(folder, variant, devices, idleSeconds);
					figures.get(variant).add(measured);
					Report.line(
							"run %d, %s: RSS idle %.0f MB, with %d devices %.0f MB (+%.0f KB each); connected in"
									+ " %.1f s; display reached all in %.0f ms; %.0f threads; load average %s",
							run, variant.label(), measured[0], devices, measured[1], measured[2], measured[3] / 1000,
							measured[4], measured[5], Report.loadAverage());
				}
				finally {
					FileSystemUtils.deleteRecursively(folder);
				}
			}
		}
		for (Variant variant : variants) {
			List<double[]> all = figures.get(variant);
			Report.line(
					"MEDIAN %s: %d devices, whole-server RSS %.0f MB (idle without devices %.0f MB, +%.0f KB per"
							+ " device); n=%d",
					variant, devices, StartupBenchmark.median(all, 1), StartupBenchmark.median(all, 0),
					StartupBenchmark.median(all, 2), all.size());
		}
		Report.line("load average at the end: %s", Report.loadAverage());
	}

	/**
	 * RSS MB idle, RSS MB with the fleet, KB per device, connect ms, display ms, threads.
	 */
	private double[] measure(Path folder, Variant variant, int size, int idleSeconds) throws Exception {
		try (ServerJar server = ServerJar.start(folder, variant.javaOptions(), variant.environment())) {
			// Not synchronisation: the idle time whose memory is measured.
			TimeUnit.SECONDS.sleep(idleSeconds);
			double idle = server.rssKib() / 1024.0;
			Process fleet = new ProcessBuilder(javaCommand(), "-Xmx2g", "-cp", classPath(), DeviceFleet.class.getName(),
					server.url().toString(), Integer.toString(size))
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter in = new PrintWriter(fleet.getOutputStream(), true, StandardCharsets.UTF_8)) {
				String[] connected = expect(out, "CONNECTED");
				assertThat(Integer.parseInt(connected[2])).as("failed connections").isZero();
				// On a busy machine the last hellos take a while to be counted.
				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> connectedDevices(server.url()) == size);
				// Not synchronisation: the idle time whose memory is measured.
				TimeUnit.SECONDS.sleep(idleSeconds);
				double withFleet = server.rssKib() / 1024.0;
				double threads = server.threads();
				in.println("display fleet");
				String[] shown = expect(out, "DISPLAYED");
				assertThat(Integer.parseInt(shown[4])).as("devices without the text").isZero();
				in.println("quit");
				expect(out, "BYE");
				return new double[] { idle, withFleet, (withFleet - idle) * 1024 / size,
						Double.parseDouble(connected[3]), Double.parseDouble(shown[3]), threads };
			}
			finally {
				fleet.waitFor(30, TimeUnit.SECONDS);
				fleet.destroy();
			}
		}
	}

	private int connectedDevices(URI server) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(server.resolve("/actuator/metrics/alexa.devices.connected")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher value = GAUGE.matcher(response.body());
		return value.find() ? (int) Double.parseDouble(value.group(1)) : -1;
	}

	private static String[] expect(BufferedReader out, String tag) throws IOException {
		String line;
		while ((line = out.readLine()) != null) {
			if (line.equals(tag) || line.startsWith(tag + " ")) {
				return line.split(" ");
			}
		}
		throw new IllegalStateException("The fleet ended before " + tag);
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

}

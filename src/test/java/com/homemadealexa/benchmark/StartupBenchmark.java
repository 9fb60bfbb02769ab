package com.homemadealexa.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Benchmark 5: start-up and idle memory, with the server started the way users start it
 * ({@code ./alexa}, from the jar, in its own process). Each run starts a fresh server on
 * a fresh data folder and measures the time from starting the process to the first
 * answered request, then its resident set size right away and after it has been idle for
 * {@code benchmark.idle-seconds} (10). Runs alternate between the variants
 * ({@link Variant}), so that each sees the same machine.
 *
 * <p>
 * {@code -Dbenchmark.runs=5} sets the runs per variant.
 */
class StartupBenchmark {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	@Test
	void startsQuicklyAndIdlesSmall() throws Exception {
		int runs = Integer.getInteger("benchmark.runs", 5);
		int idleSeconds = Integer.getInteger("benchmark.idle-seconds", 10);
		List<Variant> variants = Variant.fromProperty();
		Report.line("== 5. Start-up and idle memory: ./alexa from %s, %d runs per variant, RSS after %d s idle",
				ServerJar.JAR, runs, idleSeconds);
		Report.machine();
		Report.line("launcher: %s", ServerJar.launcherOptions());
		// The first start after a build unpacks the jar and records the AOT cache
		// (-Dbenchmark.first-start=false skips it and keeps a recorded cache).
		if (Boolean.parseBoolean(System.getProperty("benchmark.first-start", "true"))) {
			firstStart(idleSeconds);
		}
		Map<Variant, List<double[]>> figures = new LinkedHashMap<>();
		variants.forEach((variant) -> figures.put(variant, new ArrayList<>()));
		for (int run = 1; run <= runs; run++) {
			for (Variant variant : variants) {
				Path folder = Files.createTempDirectory("startup-benchmark");
				try {
					double[] measured = measure(folder, variant, idleSeconds);
					figures.get(variant).add(measured);
					// A figure read from a process that never answered or whose /proc
					// entry
					// was gone would be a zero, not a measurement.
					assertThat(measured[0]).as("time to the first answer").isPositive();
					assertThat(measured[3]).as("idle RSS").isPositive();
					Report.line(
							"run %d, %s: first answer after %.0f ms (Spring: started in %.1f s; %.1f s of CPU), RSS %.0f MB at"
									+ " first answer, %.0f MB after %d s idle, %.0f threads; load average %s",
							run, variant.label(), measured[0], measured[1], measured[5], measured[2], measured[3],
							idleSeconds, measured[4], Report.loadAverage());
				}
				finally {
					FileSystemUtils.deleteRecursively(folder);
				}
			}
		}
		for (Variant variant : variants) {
			List<double[]> all = figures.get(variant);
			Report.line(
					"MEDIAN %s: start-up to first answer %.0f ms (Spring %.1f s; CPU %.1f s); idle RSS %.0f MB (%.0f MB at the"
							+ " first answer); %.0f threads; n=%d",
					variant, median(all, 0), median(all, 1), median(all, 5), median(all, 3), median(all, 2),
					median(all, 4), all.size());
		}
		Report.line("load average at the end: %s", Report.loadAverage());
	}

	private static void firstStart(int idleSeconds) throws Exception {
		FileSystemUtils.deleteRecursively(ServerJar.UNPACKED);
		Path first = Files.createTempDirectory("startup-benchmark");
		try {
			double[] measured = measure(first, new Variant("first", "", Map.of()), idleSeconds);
			Report.line("first start after a build (./alexa unpacks the jar and records the start-up cache): first"
					+ " answer after %.0f ms; load average %s", measured[0], Report.loadAverage());
		}
		finally {
			FileSystemUtils.deleteRecursively(first);
		}
	}

	/** First answer ms, Spring's "started in" s, RSS MB at first answer, idle RSS MB. */
	private static double[] measure(Path folder, Variant variant, int idleSeconds) throws Exception {
		try (ServerJar server = ServerJar.start(folder, variant.javaOptions(), variant.environment())) {
			double startup = server.startup().toNanos() / 1e6;
			double cpu = server.cpuMillis() / 1000.0;
			double rssAtStart = server.rssKib() / 1024.0;
			// Not synchronisation: the idle time whose memory is measured.
			TimeUnit.SECONDS.sleep(idleSeconds);
			double idle = server.rssKib() / 1024.0;
			double threads = server.threads();
			Matcher started = STARTED.matcher(Files.readString(server.log()));
			double spring = started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
			return new double[] { startup, spring, rssAtStart, idle, threads, cpu };
		}
	}

	static double median(List<double[]> rows, int column) {
		List<Double> sorted = rows.stream().map((row) -> row[column]).sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}

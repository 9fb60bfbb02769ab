package com.homemadealexa.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.homemadealexa.device.Devices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark 1: N simulated devices idle on their WebSockets. Measures the server's heap
 * per connection (used heap after GC, before and after) and the time from
 * {@code POST /api/internal/display} until every device has the text. The devices run in
 * a child JVM ({@link DeviceFleet}) so this JVM holds only the server.
 *
 * <p>
 * {@code -Dbenchmark.devices=100,1000,5000} sets the sizes.
 */
class IdleDevicesBenchmark {

	private static final int BROADCASTS = 5;

	@Test
	void idleDevicesCostLittleAndAllGetABroadcast() throws Exception {
		List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.devices", "100,1000,5000").split(","))
			.map(String::strip)
			.map(Integer::parseInt)
			.toList();
		Report.line("== 1. Idle devices on /ws/internal (server JVM: %s; open files limit %s)", Runtime.version(),
				openFilesLimit());
		Report.machine();
		try (BenchmarkServer server = BenchmarkServer.start(Map.of())) {
			Devices devices = server.bean(Devices.class);
			// Warm-up, not reported: class loading and JIT of the connection path.
			run(server, devices, 200, false);
			for (int size : sizes) {
				run(server, devices, size, true);
			}
		}
	}

	private void run(BenchmarkServer server, Devices devices, int size, boolean report) throws Exception {
		long heapBefore = usedHeapAfterGc();
		java.util.Map<String, long[]> histogramBefore = report ? HeapHistogram.take() : java.util.Map.of();
		long directBefore = directMemory();
		long filesBefore = openFiles();
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		Process fleet = new ProcessBuilder(javaCommand(), "-Xmx2g", "-cp", classPath(), DeviceFleet.class.getName(),
				server.url().toString(), Integer.toString(size))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter in = new PrintWriter(fleet.getOutputStream(), true, StandardCharsets.UTF_8)) {
			String[] connected = expect(out, "CONNECTED");
			assertThat(Integer.parseInt(connected[2])).as("failed connections").isZero();
			await().atMost(Duration.ofMinutes(2)).until(() -> devices.connected().size() == size);
			long heapAfter = usedHeapAfterGc();
			java.util.Map<String, long[]> histogramAfter = report ? HeapHistogram.take() : java.util.Map.of();
			long directAfter = directMemory();
			long filesAfter = openFiles();
			int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
			List<Double> allShown = new ArrayList<>();
			List<Double> route = new ArrayList<>();
			for (int i = 0; i < BROADCASTS; i++) {
				in.println("display " + size + "-" + i);
				String[] shown = expect(out, "DISPLAYED");
				assertThat(Integer.parseInt(shown[4])).as("devices without the text").isZero();
				route.add(Double.parseDouble(shown[2]));
				allShown.add(Double.parseDouble(shown[3]));
			}
			in.println("quit");
			expect(out, "BYE");
			if (report) {
				Report.line(
						"N=%d: connected in %s ms; server heap +%.1f MB = %.1f KB per connection (direct buffers +%.1f KB"
								+ " per connection); open files +%d; platform threads %d -> %d",
						size, connected[3], (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / 1024.0 / size,
						(directAfter - directBefore) / 1024.0 / size, filesAfter - filesBefore, threadsBefore,
						threadsAfter);
				Report.line("N=%d: largest growth per connection: %s", size,
						HeapHistogram.growthPerConnection(histogramBefore, histogramAfter, size, 8));
				Report.line("N=%d: display to all: median %.1f ms, each %s ms (the route itself answered in a median"
						+ " %.1f ms)", size, median(allShown), allShown, median(route));
			}
		}
		finally {
			fleet.waitFor(30, TimeUnit.SECONDS);
			fleet.destroy();
		}
		await().atMost(Duration.ofMinutes(1)).until(() -> devices.connected().isEmpty());
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

	/** Several collections, so that what is left is what is really held. */
	private static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			// Not synchronisation: gives concurrent cleanup (reference processing,
			// finalizable buffers) a moment before the next collection.
			TimeUnit.MILLISECONDS.sleep(300);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long directMemory() {
		return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
	}

	private static long openFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("/proc/self/fd"))) {
			return files.count();
		}
	}

	private static String openFilesLimit() throws IOException {
		return Files.readAllLines(Path.of("/proc/self/limits"))
			.stream()
			.filter((line) -> line.startsWith("Max open files"))
			.map((line) -> line.replaceAll("\\s+", " ").split(" ")[3])
			.findFirst()
			.orElse("?");
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

}

package com.homemadealexa.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * What the test JVM (server and test together) holds at one moment: every live thread,
 * virtual ones included (from a JSON thread dump, which lists every thread container),
 * its open file descriptors and the heap in use after a full collection. Threads are
 * compared by identity, so threads that earlier tests leave to die off cannot hide new
 * ones; descriptors by number, because pooled connections are replaced, not added.
 *
 * @param threads names of the live threads by id
 * @param descriptors entries of {@code /proc/self/fd}: files, sockets, pipes, selectors
 * @param heapBytes heap in use after {@code System.gc()}
 */
record ResourceGauge(Map<Long, String> threads, int descriptors, long heapBytes) {

	private static final Pattern THREAD = Pattern
		.compile("\"tid\": \"(\\d+)\",\\s*\"time\": \"[^\"]*\",\\s*\"name\": \"([^\"]*)\"");

	static ResourceGauge measure() {
		System.gc();
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return new ResourceGauge(liveThreads(), openDescriptors(), heap);
	}

	/**
	 * What appeared since the earlier measurement and is still there.
	 */
	Growth since(ResourceGauge before) {
		List<String> threads = this.threads.entrySet()
			.stream()
			.filter((thread) -> !before.threads.containsKey(thread.getKey()))
			.map(Map.Entry::getValue)
			.sorted()
			.toList();
		return new Growth(threads, this.descriptors - before.descriptors, this.heapBytes - before.heapBytes);
	}

	@Override
	public String toString() {
		return this.threads.size() + " threads, " + this.descriptors + " file descriptors, heap "
				+ (this.heapBytes >> 20) + " MiB";
	}

	/**
	 * @param newThreads names of the threads started since and still alive
	 * @param newDescriptors how many more descriptors are open
	 * @param heapBytes change of the heap in use
	 */
	record Growth(List<String> newThreads, int newDescriptors, long heapBytes) {

		@Override
		public String toString() {
			return this.newThreads.size() + " new threads, " + this.newDescriptors + " more file descriptors, heap "
					+ ((this.heapBytes >= 0) ? "+" : "") + (this.heapBytes >> 20) + " MiB";
		}

	}

	private static int openDescriptors() {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			return (int) fds.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<Long, String> liveThreads() {
		try {
			Path dump = Files.createTempFile("threads", ".json");
			Files.delete(dump);
			try {
				ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
					.dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
				Map<Long, String> threads = new HashMap<>();
				Matcher matcher = THREAD.matcher(Files.readString(dump));
				while (matcher.find()) {
					threads.put(Long.parseLong(matcher.group(1)), matcher.group(2));
				}
				return threads;
			}
			finally {
				Files.deleteIfExists(dump);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

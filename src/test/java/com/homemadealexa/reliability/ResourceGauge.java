package com.homemadealexa.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * What the test JVM (server and test together) holds at one moment: platform threads, all
 * threads including virtual ones (from a JSON thread dump, which lists every thread
 * container), open file descriptors and the heap in use after a full collection.
 *
 * @param platformThreads live platform threads
 * @param allThreads live platform and virtual threads
 * @param fileDescriptors entries of {@code /proc/self/fd}: files, sockets, pipes
 * @param heapBytes heap in use after {@code System.gc()}
 */
record ResourceGauge(int platformThreads, long allThreads, long fileDescriptors, long heapBytes) {

	private static final Pattern THREAD_COUNT = Pattern.compile("\"threadCount\": \"?(\\d+)");

	static ResourceGauge measure() {
		System.gc();
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return new ResourceGauge(ManagementFactory.getThreadMXBean().getThreadCount(), countAllThreads(),
				countFileDescriptors(), heap);
	}

	/** How much this measurement exceeds an earlier one. */
	ResourceGauge minus(ResourceGauge before) {
		return new ResourceGauge(this.platformThreads - before.platformThreads, this.allThreads - before.allThreads,
				this.fileDescriptors - before.fileDescriptors, this.heapBytes - before.heapBytes);
	}

	@Override
	public String toString() {
		return "platform threads " + this.platformThreads + ", all threads " + this.allThreads + ", fds "
				+ this.fileDescriptors + ", heap " + (this.heapBytes >> 20) + " MiB";
	}

	private static long countFileDescriptors() {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			return fds.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long countAllThreads() {
		try {
			Path dump = Files.createTempFile("threads", ".json");
			Files.delete(dump);
			try {
				ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
					.dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
				Matcher counts = THREAD_COUNT.matcher(Files.readString(dump));
				long total = 0;
				while (counts.find()) {
					total += Long.parseLong(counts.group(1));
				}
				return total;
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

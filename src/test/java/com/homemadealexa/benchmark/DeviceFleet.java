package com.homemadealexa.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.homemadealexa.cli.SimulatedDevice;
import com.homemadealexa.cli.SimulatorEvent;

/**
 * Many {@link SimulatedDevice}s in their own JVM, so that the server's JVM holds only the
 * server side of each connection. Driven over standard input and output by
 * {@link IdleDevicesBenchmark}:
 *
 * <pre>
 * (start)         → CONNECTED &lt;devices&gt; &lt;failed&gt; &lt;ms&gt;
 * display &lt;id&gt;    → DISPLAYED &lt;id&gt; &lt;route ms&gt; &lt;all ms&gt; &lt;missing&gt;
 * quit            → BYE
 * </pre>
 *
 * {@code display} POSTs {@code /api/internal/display} and times until every device has
 * shown the text.
 */
public final class DeviceFleet {

	/** Devices per HTTP client (one selector thread each). */
	private static final int DEVICES_PER_CLIENT = 500;

	/** Handshakes in flight at once: the server's accept queue holds 100. */
	private static final int CONCURRENT_CONNECTS = 64;

	private static final int CONNECT_ATTEMPTS = 3;

	private DeviceFleet() {
	}

	public static void main(String[] args) throws Exception {
		URI server = URI.create(args[0]);
		int count = Integer.parseInt(args[1]);
		AtomicReference<Round> round = new AtomicReference<>();
		List<SimulatedDevice> devices = Collections.synchronizedList(new ArrayList<>());
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < (count + DEVICES_PER_CLIENT - 1) / DEVICES_PER_CLIENT; i++) {
			clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
		}
		AtomicInteger failed = new AtomicInteger();
		Semaphore connecting = new Semaphore(CONCURRENT_CONNECTS);
		long started = System.nanoTime();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				executor.execute(() -> {
					connecting.acquireUninterruptibly();
					try {
						// Like the firmware, a device whose handshake timed out (on a
						// busy
						// machine) tries again.
						for (int attempt = 1;; attempt++) {
							try {
								devices.add(SimulatedDevice.builder(server, "fleet-" + index)
									.httpClient(clients.get(index / DEVICES_PER_CLIENT))
									.keepEvents(false)
									.listener((event) -> shown(round.get(), event))
									.connect());
								break;
							}
							catch (RuntimeException ex) {
								if (attempt == CONNECT_ATTEMPTS) {
									if (failed.getAndIncrement() == 0) {
										System.err.println("First failed connection: " + ex.getMessage());
									}
									break;
								}
							}
						}
					}
					finally {
						connecting.release();
					}
				});
			}
		}
		System.out.printf("CONNECTED %d %d %d%n", devices.size(), failed.get(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		System.out.flush();
		HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = commands.readLine()) != null && !line.equals("quit")) {
			if (line.startsWith("display ")) {
				display(admin, server, line.substring("display ".length()), devices.size(), round);
			}
		}
		devices.forEach(SimulatedDevice::close);
		System.out.println("BYE");
		System.out.flush();
		System.exit(0);
	}

	private static void display(HttpClient admin, URI server, String id, int expected, AtomicReference<Round> round)
			throws Exception {
		Round current = new Round(id, new CountDownLatch(expected));
		round.set(current);
		long started = System.nanoTime();
		HttpResponse<String> response = admin.send(HttpRequest.newBuilder(server.resolve("/api/internal/display"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"benchmark\", \"text\": \"" + id + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		long routeNanos = System.nanoTime() - started;
		if (response.statusCode() != 200) {
			System.err.println("display answered " + response.statusCode() + ": " + response.body());
		}
		current.shown.await(60, TimeUnit.SECONDS);
		long allNanos = System.nanoTime() - started;
		System.out.printf("DISPLAYED %s %.1f %.1f %d%n", id, routeNanos / 1e6, allNanos / 1e6,
				current.shown.getCount());
		System.out.flush();
	}

	private static void shown(Round round, SimulatorEvent event) {
		if (round != null && event instanceof SimulatorEvent.Display display && display.text().equals(round.id())) {
			round.shown().countDown();
		}
	}

	private record Round(String id, CountDownLatch shown) {
	}

}

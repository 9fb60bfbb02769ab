package com.homemadealexa.reliability;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.homemadealexa.device.TestDevice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 devices connect, drop without a close frame (or close properly) and reconnect for
 * 30 s, while 20 more hang: they open a socket, say hello and never read or answer a ping
 * again. Display broadcasts go out four times a second throughout. The registry must end
 * with exactly the devices still connected, and no broadcast may wait for a dead or stuck
 * socket.
 */
class DeviceChurnIT extends ReliabilityServer {

	private static final int DEVICES = 200;

	private static final int HUNG = 20;

	private static final Duration CHURN = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theRegistryEndsWithExactlyTheLiveDevicesAndBroadcastsNeverStall() throws Exception {
		AtomicInteger connections = new AtomicInteger();
		AtomicInteger aborts = new AtomicInteger();
		List<Long> broadcastMillis = Collections.synchronizedList(new ArrayList<>());
		ConcurrentLinkedQueue<RawWebSocket> hung = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Throwable> broadcastFailures = new ConcurrentLinkedQueue<>();
		long end = System.nanoTime() + CHURN.toNanos();
		String filler = "x".repeat(1024);
		List<TestDevice> live;
		ScheduledExecutorService broadcaster = Executors.newSingleThreadScheduledExecutor();
		try (ExecutorService slots = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < HUNG; i++) {
				// A small receive window: the server's writes to it block after a few
				// kilobytes.
				RawWebSocket socket = RawWebSocket.open(this.port, "/ws/internal", 2048);
				socket.text("{\"hello\": {\"hostname\": \"hung-" + i + "\", \"hw_type\": \"ESP32-S3-BOX-3\"}}");
				hung.add(socket);
			}
			AtomicInteger ticks = new AtomicInteger();
			broadcaster.scheduleAtFixedRate(() -> {
				try {
					broadcastMillis.add(display("tick " + ticks.incrementAndGet() + " " + filler));
				}
				catch (Throwable ex) {
					broadcastFailures.add(ex);
				}
			}, 0, 250, TimeUnit.MILLISECONDS);
			List<Future<TestDevice>> finalStates = new ArrayList<>();
			for (int slot = 0; slot < DEVICES; slot++) {
				String hostname = "churn-%03d".formatted(slot);
				boolean staysConnected = slot % 2 == 0;
				finalStates.add(slots.submit(() -> churn(hostname, end, staysConnected, connections, aborts)));
			}
			live = new ArrayList<>();
			for (Future<TestDevice> state : finalStates) {
				TestDevice device = state.get(CHURN.toSeconds() + 60, TimeUnit.SECONDS);
				if (device != null) {
					live.add(device);
				}
			}
		}
		finally {
			// shutdown, not shutdownNow: the periodic task stops, and a display still in
			// flight completes instead of being interrupted and counted as a failure.
			broadcaster.shutdown();
			assertThat(broadcaster.awaitTermination(30, TimeUnit.SECONDS)).as("the last broadcast ended").isTrue();
		}
		try {
			List<String> liveNames = new ArrayList<>();
			for (int slot = 0; slot < DEVICES; slot += 2) {
				liveNames.add("churn-%03d".formatted(slot));
			}
			long converging = System.nanoTime();
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(registeredHostnames()).containsExactlyInAnyOrderElementsOf(liveNames));
			long convergedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - converging);
			assertThat(live).hasSize(DEVICES / 2);
			assertThat(broadcastFailures).as("broadcasts that failed during the churn").isEmpty();

			long started = System.nanoTime();
			assertThat(display("after the churn")).isLessThan(1000);
			for (TestDevice device : live) {
				String message;
				do {
					message = device.nextMessage();
				}
				while (!message.contains("after the churn"));
			}
			long deliveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

			List<Long> sorted = broadcastMillis.stream().sorted().toList();
			assertThat(sorted).hasSizeGreaterThan((int) (CHURN.toSeconds() * 2));
			// A broadcast that waited for a hung socket would take at least the 1 s send
			// timeout, every time: the median shows it, the maximum bounds the worst.
			assertThat(sorted.get(sorted.size() / 2)).as("median broadcast (ms) during the churn").isLessThan(100);
			assertThat(sorted.get(sorted.size() - 1)).as("slowest broadcast (ms) during the churn").isLessThan(2000);

			Figures.record("device-churn", "seconds of churn", CHURN.toSeconds());
			Figures.record("device-churn", "devices", DEVICES);
			Figures.record("device-churn", "hung devices", HUNG);
			Figures.record("device-churn", "connections", connections.get());
			Figures.record("device-churn", "dropped without a close frame", aborts.get());
			Figures.record("device-churn", "broadcasts", sorted.size());
			Figures.record("device-churn", "broadcast ms median", sorted.get(sorted.size() / 2));
			Figures.record("device-churn", "broadcast ms p99", sorted.get((int) (sorted.size() * 0.99)));
			Figures.record("device-churn", "broadcast ms max", sorted.get(sorted.size() - 1));
			Figures.record("device-churn", "ms until the registry held exactly the live devices", convergedMillis);
			Figures.record("device-churn", "ms until every live device had the next broadcast", deliveredMillis);
		}
		finally {
			live.forEach(TestDevice::close);
			hung.forEach(RawWebSocket::close);
		}
	}

	/**
	 * One device's life: connect, say hello, stay a moment, drop (mostly without a close
	 * frame), again and again until the end.
	 * @return the device, still connected, if this slot ends connected; else null
	 */
	private TestDevice churn(String hostname, long end, boolean staysConnected, AtomicInteger connections,
			AtomicInteger aborts) throws InterruptedException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (System.nanoTime() < end) {
			TestDevice device = TestDevice.connect(this.port).hello(hostname);
			connections.incrementAndGet();
			// How long the device stays up: load shaping, not synchronisation.
			Thread.sleep(random.nextLong(200, 1500));
			if (random.nextInt(4) > 0) {
				device.abort();
				aborts.incrementAndGet();
			}
			else {
				device.close();
			}
		}
		TestDevice last = TestDevice.connect(this.port).hello(hostname);
		connections.incrementAndGet();
		if (staysConnected) {
			return last;
		}
		last.abort();
		aborts.incrementAndGet();
		return null;
	}

	/**
	 * @return how long the broadcast took, in milliseconds
	 */
	private long display(String text) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/internal/display"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	private List<String> registeredHostnames() throws Exception {
		HttpResponse<String> status = this.http.send(
				HttpRequest.newBuilder(Loopback.uri(this.port, "/api/internal/status")).build(),
				HttpResponse.BodyHandlers.ofString());
		List<String> names = new ArrayList<>();
		for (JsonNode device : this.json.readTree(status.body()).get("devices")) {
			JsonNode hostname = device.path("hostname");
			names.add(hostname.isString() ? hostname.asString() : "(no hello yet)");
		}
		return names;
	}

}

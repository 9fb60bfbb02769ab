package com.homemadealexa.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.cli.AlexaClient;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 2: M utterances at the same moment through the webapp flow
 * ({@code POST /api/public/stt}: speech-to-text, chat, text-to-speech, each faked at the
 * same latency), against one utterance alone. With every stage waiting on the network, M
 * at once should take about as long as one.
 *
 * <p>
 * {@code -Dbenchmark.utterances=50 -Dbenchmark.latency-ms=300}.
 */
class ConcurrentUtterancesBenchmark {

	private static final int SINGLE_RUNS = 20;

	private static final int BURSTS = 3;

	@Test
	void manyUtterancesAtOnceTakeAboutAsLongAsOne() throws Exception {
		int m = Integer.getInteger("benchmark.utterances", 50);
		Duration latency = BenchmarkFakes.configuredLatency();
		Path tokens = Files.createTempFile("benchmark-token", ".json");
		try (BenchmarkFakes fakes = BenchmarkFakes.start(latency);
				BenchmarkServer server = BenchmarkServer.start(fakes.serverProperties(true, false))) {
			fakes.hears("Tell me a joke.");
			fakes.chat.answerText("tell me a joke", "Why did the chicken cross the road?");
			fakes.speaksFor(Duration.ofSeconds(1));
			AlexaClient client = AlexaClient.create(server.url(), "admin", BenchmarkServer.PASSWORD.toCharArray(),
					tokens, Duration.ofSeconds(60));
			byte[] utterance = TestWavs.tonePcm(PcmFormat.SPEECH, 2000, 300);
			client.token();

			// Warm-up, not reported.
			for (int i = 0; i < SINGLE_RUNS; i++) {
				client.ask(utterance);
			}
			burst(client, utterance, m);

			List<Duration> alone = new ArrayList<>();
			long cpuBefore = cpuTime();
			for (int i = 0; i < SINGLE_RUNS; i++) {
				alone.add(client.ask(utterance).elapsed());
			}
			Duration singleCpu = Duration.ofNanos((cpuTime() - cpuBefore) / SINGLE_RUNS);
			Stats single = Stats.of(alone);
			Report.line("== 2. Simultaneous utterances, webapp flow, fakes at %s each for STT, chat and TTS (%s in"
					+ " all)", Stats.ms(latency), Stats.ms(latency.multipliedBy(3)));
			Report.machine();
			Report.line("one at a time: %s; CPU per utterance %s (client, server and fakes: all in this JVM)", single,
					Stats.ms(singleCpu));
			for (int b = 0; b < BURSTS; b++) {
				long burstCpuBefore = cpuTime();
				Burst burst = burst(client, utterance, m);
				Duration burstCpu = Duration.ofNanos(cpuTime() - burstCpuBefore);
				Report.line(
						"M=%d at once: all answered in %s (%.2fx one utterance's p50); per request %s; CPU %s in all"
								+ " (%.0f%% of %d cores over the burst)",
						m, Stats.ms(burst.wall()), burst.wall().toNanos() / (double) single.p50().toNanos(),
						burst.requests(), Stats.ms(burstCpu),
						100.0 * burstCpu.toNanos() / burst.wall().toNanos()
								/ Runtime.getRuntime().availableProcessors(),
						Runtime.getRuntime().availableProcessors());
			}
		}
		finally {
			Files.deleteIfExists(tokens);
		}
	}

	private static long cpuTime() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Burst burst(AlexaClient client, byte[] utterance, int m) throws InterruptedException {
		List<Duration> requests = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch gate = new CountDownLatch(1);
		long started;
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < m; i++) {
				executor.execute(() -> {
					try {
						gate.await();
						AlexaClient.Answer answer = client.ask(utterance);
						assertThat(answer.wav()).isNotNull();
						requests.add(answer.elapsed());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
			started = System.nanoTime();
			gate.countDown();
		}
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		assertThat(requests).hasSize(m);
		return new Burst(wall, Stats.of(requests));
	}

	private record Burst(Duration wall, Stats requests) {
	}

}

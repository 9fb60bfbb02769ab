package com.homemadealexa.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.cli.AlexaClient;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 2: webapp utterances ({@code POST /api/public/stt}: speech-to-text, a
 * streamed three-sentence chat reply, text-to-speech of each sentence as a 24 kHz WAV,
 * the way OpenAI's voice answers, each faked at the same latency). The server runs in its
 * own process ({@link ClasspathServer}), so its CPU time is its own: first N utterances
 * one at a time (latency, overhead over the fakes, CPU per utterance), then bursts of M
 * released at the same instant (wall time, CPU per utterance).
 *
 * <p>
 * {@code -Dbenchmark.samples=100 -Dbenchmark.utterances=50 -Dbenchmark.latency-ms=300
 * -Dbenchmark.sentence-ms=1500}.
 *
 * <p>
 * With two or more {@code -Dbenchmark.variants} ({@link Variant}: {@code JAVA_OPTS} are
 * added JVM options, {@code env:ALEXA_JAR=PATH} the jar to run), every variant's server
 * runs at once and they take turns: {@code -Dbenchmark.rounds} (5) rounds of
 * samples/rounds utterances one at a time and one burst each, in alternating order, so
 * that each sees the same machine and load: what a before/after comparison needs on a
 * shared VM, where two runs minutes apart differ by more than most changes.
 */
class ConcurrentUtterancesBenchmark {

	private static final int WARM_UP = 30;

	private static final int WARM_UP_BURSTS = Integer.getInteger("benchmark.warm-up-bursts", 4);

	private static final int BURSTS = 3;

	static final List<String> REPLY = List.of("Why did the chicken cross the road? ", "To get to the other side. ",
			"Chickens are curious birds.");

	@Test
	void manyUtterancesAtOnceTakeAboutAsLongAsOne() throws Exception {
		if (Variant.fromProperty().size() > 1) {
			variantsTakingTurns(Variant.fromProperty());
			return;
		}
		int samples = Integer.getInteger("benchmark.samples", 100);
		int m = Integer.getInteger("benchmark.utterances", 50);
		Duration sentence = Duration.ofMillis(Integer.getInteger("benchmark.sentence-ms", 1500));
		Duration latency = BenchmarkFakes.configuredLatency();
		Path tokens = Files.createTempFile("benchmark-token", ".json");
		try (BenchmarkFakes<OpenAiFake> fakes = BenchmarkFakes.start(latency);
				ClasspathServer server = ClasspathServer.start(fakes.serverProperties(true, false))) {
			fakes.hears("Tell me a joke.");
			fakes.replies("tell me a joke", REPLY);
			fakes.speaksFor(sentence);
			AlexaClient client = AlexaClient.create(server.url(), "admin", BenchmarkServer.PASSWORD.toCharArray(),
					tokens, Duration.ofSeconds(60));
			byte[] utterance = TestWavs.tonePcm(PcmFormat.SPEECH, 2000, 300);
			client.token();
			AlexaClient.Answer first = client.ask(utterance);
			assertThat(first.wav()).as("the spoken reply").isNotNull();
			// Three sentences, each resampled from 24 kHz to 16 kHz, in one WAV.
			assertThat(first.wav().length).isGreaterThan(3 * (int) sentence.toMillis() * 32 * 9 / 10);

			for (int i = 0; i < WARM_UP; i++) {
				client.ask(utterance);
			}
			for (int b = 0; b < WARM_UP_BURSTS; b++) {
				burst(client, utterance, m);
			}

			List<Duration> alone = new ArrayList<>();
			Duration cpuBefore = server.cpu();
			Map<String, Duration> splitBefore = server.cpuByThreadKind();
			for (int i = 0; i < samples; i++) {
				alone.add(client.ask(utterance).elapsed());
			}
			Duration singleCpu = server.cpu().minus(cpuBefore).dividedBy(samples);
			Stats single = Stats.of(alone);
			Duration fakes3 = latency.multipliedBy(3);
			Report.line("== 2. Webapp utterances, 2 s of speech, a %d-sentence streamed reply spoken at 24 kHz (%s"
					+ " per sentence), fakes (%s) at %s each for STT, chat and TTS (%s in all); server in its own"
					+ " process", REPLY.size(), Stats.ms(sentence), fakes.openAiKind(), Stats.ms(latency),
					Stats.ms(fakes3));
			Report.machine();
			Report.line("one at a time: %s", single);
			Report.line("one at a time, server overhead (measured minus %s): %s", Stats.ms(fakes3),
					single.minus(fakes3));
			Report.line("one at a time, server CPU per utterance: %.1f ms (n=%d; by thread: %s)",
					singleCpu.toNanos() / 1e6, samples, server.cpuSplitSince(splitBefore, samples));
			for (int b = 0; b < BURSTS; b++) {
				Duration burstCpuBefore = server.cpu();
				Map<String, Duration> burstSplitBefore = server.cpuByThreadKind();
				Burst burst = burst(client, utterance, m);
				Duration burstCpu = server.cpu().minus(burstCpuBefore);
				Report.line(
						"M=%d at once: all answered in %s (%.2fx one utterance's p50); per request %s; server CPU"
								+ " %s in all, %.1f ms per utterance (by thread: %s)",
						m, Stats.ms(burst.wall()), burst.wall().toNanos() / (double) single.p50().toNanos(),
						burst.requests(), Stats.ms(burstCpu), burstCpu.toNanos() / 1e6 / m,
						server.cpuSplitSince(burstSplitBefore, m));
			}
			Report.machine();
		}
		finally {
			Files.deleteIfExists(tokens);
		}
	}

	private void variantsTakingTurns(List<Variant> variants) throws Exception {
		int samples = Integer.getInteger("benchmark.samples", 100);
		int rounds = Integer.getInteger("benchmark.rounds", 5);
		int m = Integer.getInteger("benchmark.utterances", 50);
		Duration sentence = Duration.ofMillis(Integer.getInteger("benchmark.sentence-ms", 1500));
		Duration latency = BenchmarkFakes.configuredLatency();
		Duration fakes3 = latency.multipliedBy(3);
		byte[] utterance = TestWavs.tonePcm(PcmFormat.SPEECH, 2000, 300);
		Map<Variant, ClasspathServer> servers = new LinkedHashMap<>();
		Map<Variant, AlexaClient> clients = new LinkedHashMap<>();
		Map<Variant, List<Duration>> alone = new LinkedHashMap<>();
		Map<Variant, List<Double>> singleCpu = new LinkedHashMap<>();
		Map<Variant, List<Double>> burstCpu = new LinkedHashMap<>();
		Map<Variant, List<Duration>> burstWall = new LinkedHashMap<>();
		List<Path> tokens = new ArrayList<>();
		try (BenchmarkFakes<OpenAiFake> fakes = BenchmarkFakes.start(latency)) {
			fakes.hears("Tell me a joke.");
			fakes.replies("tell me a joke", REPLY);
			fakes.speaksFor(sentence);
			for (Variant variant : variants) {
				ClasspathServer server = ClasspathServer.start(fakes.serverProperties(true, false),
						variant.environment().getOrDefault("ALEXA_JAR", ""), variant.javaOptions());
				servers.put(variant, server);
				Path token = Files.createTempFile("benchmark-token", ".json");
				tokens.add(token);
				AlexaClient client = AlexaClient.create(server.url(), "admin", BenchmarkServer.PASSWORD.toCharArray(),
						token, Duration.ofSeconds(60));
				assertThat(client.ask(utterance).wav()).as("the spoken reply of %s", variant.label()).isNotNull();
				clients.put(variant, client);
				alone.put(variant, new ArrayList<>());
				singleCpu.put(variant, new ArrayList<>());
				burstCpu.put(variant, new ArrayList<>());
				burstWall.put(variant, new ArrayList<>());
			}
			for (Variant variant : variants) {
				for (int i = 0; i < WARM_UP; i++) {
					clients.get(variant).ask(utterance);
				}
				for (int b = 0; b < WARM_UP_BURSTS; b++) {
					burst(clients.get(variant), utterance, m);
				}
			}
			Report.line(
					"== 2. Webapp utterances, variants taking turns: %d rounds of %d one at a time and a burst of %d"
							+ " each; fakes (%s) at %s each for STT, chat and TTS",
					rounds, samples / rounds, m, fakes.openAiKind(), Stats.ms(latency));
			Report.machine();
			for (int round = 0; round < rounds; round++) {
				List<Variant> order = new ArrayList<>(variants);
				if (round % 2 == 1) {
					Collections.reverse(order);
				}
				for (Variant variant : order) {
					ClasspathServer server = servers.get(variant);
					AlexaClient client = clients.get(variant);
					Duration before = server.cpu();
					for (int i = 0; i < samples / rounds; i++) {
						alone.get(variant).add(client.ask(utterance).elapsed());
					}
					singleCpu.get(variant).add(server.cpu().minus(before).toNanos() / 1e6 / (samples / rounds));
					before = server.cpu();
					Burst burst = burst(client, utterance, m);
					burstCpu.get(variant).add(server.cpu().minus(before).toNanos() / 1e6 / m);
					burstWall.get(variant).add(burst.wall());
				}
			}
			for (Variant variant : variants) {
				Stats single = Stats.of(alone.get(variant));
				Report.line(
						"%s: one at a time, server overhead %s; server CPU per utterance by round %s ms;"
								+ " %d at once: wall by round %s, server CPU per utterance by round %s ms",
						variant, single.minus(fakes3), rounded(singleCpu.get(variant)), m,
						burstWall.get(variant).stream().map(Stats::ms).toList(), rounded(burstCpu.get(variant)));
			}
			Report.machine();
		}
		finally {
			for (ClasspathServer server : servers.values()) {
				server.close();
			}
			for (Path token : tokens) {
				Files.deleteIfExists(token);
			}
		}
	}

	private static List<String> rounded(List<Double> values) {
		return values.stream().map((value) -> String.format(java.util.Locale.ROOT, "%.1f", value)).toList();
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

package com.homemadealexa.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.cli.SimulatedDevice;
import com.homemadealexa.cli.SimulatorEvent;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 3: from the end of speech (the simulated device hands over its last chunk) to
 * the first audio at the audio server (the first {@code /api/play} arrives), in the
 * device flow. Subtracting the fakes' latencies (speech-to-text, chat, text-to-speech)
 * leaves the server's own overhead. Then two choices that change that time: streaming the
 * model's answer for a long reply, and answering common commands locally.
 *
 * <p>
 * {@code -Dbenchmark.samples=100 -Dbenchmark.latency-ms=300}.
 */
class FirstAudioLatencyBenchmark {

	private static final int WARM_UP = 10;

	private static final int CHOICE_WARM_UP = 3;

	private static final int CHOICE_SAMPLES = 10;

	/** Each utterance is half a second of speech, streamed in real time. */
	private static final byte[] UTTERANCE = TestWavs.tonePcm(PcmFormat.SPEECH, 500, 300);

	private static final List<String> LONG_REPLY = List.of("Lamps have lit our homes for thousands of years. ",
			"The first ones burned oil in a dish of clay. ", "Candles came later and were costly. ",
			"Gas lamps lit the streets of big cities. ", "Then the electric bulb changed everything. ",
			"Today small lights use very little power. ");

	/** How long the fake model takes to write the whole long reply. */
	private static final Duration WRITING = Duration.ofSeconds(3);

	@Test
	void endOfSpeechToFirstAudio() throws Exception {
		int samples = Integer.getInteger("benchmark.samples", 100);
		Duration latency = BenchmarkFakes.configuredLatency();
		try (BenchmarkFakes<OpenAiFake> fakes = BenchmarkFakes.start(latency);
				ClasspathServer server = ClasspathServer.start(fakes.serverProperties(true, true))) {
			fakes.hears("Tell me a joke.");
			fakes.replies("tell me a joke", List.of("Why ", "did ", "the ", "chicken ", "cross ", "the ", "road?"));
			fakes.speaksFor(Duration.ofMillis(200));
			measure(server.url(), fakes, WARM_UP, 0);
			Duration cpuBefore = server.cpu();
			List<Duration> firstAudio = measure(server.url(), fakes, 0, samples);
			Duration cpu = server.cpu().minus(cpuBefore).dividedBy(samples);
			Duration fakes3 = latency.multipliedBy(3);
			Report.line(
					"== 3. End of speech to first audio at the audio server, device flow, fakes (%s) at %s each"
							+ " (STT + chat + TTS = %s), 24 kHz voice; server in its own process",
					fakes.openAiKind(), Stats.ms(latency), Stats.ms(fakes3));
			Report.machine();
			Report.line("measured: %s", Stats.of(firstAudio));
			Report.line("server overhead (measured minus %s): %s", Stats.ms(fakes3),
					Stats.of(firstAudio).minus(fakes3));
			Report.line("the server's own stage times (from the last byte it read; newest %d utterances): %s",
					Math.min(samples, 50), serverStages(server.url(), samples));
			Report.line("server CPU per device utterance: %.1f ms", cpu.toNanos() / 1e6);
			Report.line("the fakes' own time beyond their latency, one client in the benchmark's process"
					+ " (STT + chat + TTS, part of the overhead above): %s", fakesOwnTime(fakes, samples));
		}
	}

	/**
	 * How long the three OpenAI fakes take beyond their latency when a plain client in
	 * this process asks them what the server asks (requests of the same size, kept-alive
	 * connections): their own share of the measured overhead (WireMock's request matching
	 * and the benchmark process's load), which no change to the server removes.
	 */
	private static Stats fakesOwnTime(BenchmarkFakes<?> fakes, int samples) throws Exception {
		URI base = URI.create(fakes.openAi.baseUrl() + "/");
		String boundary = "benchmark-boundary";
		byte[] wav = TestWavs.tone(PcmFormat.SPEECH, 500, 300);
		java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
		multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\""
				+ "\r\nContent-Type: audio/wav\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		multipart.writeBytes(wav);
		multipart.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n"
				+ "whisper-1\r\n--" + boundary + "--\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String chat = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":\""
				+ "x".repeat(5000) + "\"},{\"role\":\"user\",\"content\":\"Tell me a joke.\"}]}";
		String speech = "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"Why did the chicken cross the road?\"}";
		List<Duration> own = new ArrayList<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (int i = 0; i < WARM_UP + samples; i++) {
				long started = System.nanoTime();
				send(http,
						HttpRequest.newBuilder(base.resolve("audio/transcriptions"))
							.header("Content-Type", "multipart/form-data; boundary=" + boundary)
							.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())));
				send(http,
						HttpRequest.newBuilder(base.resolve("chat/completions"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(chat)));
				send(http,
						HttpRequest.newBuilder(base.resolve("audio/speech"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(speech)));
				if (i >= WARM_UP) {
					own.add(Duration.ofNanos(System.nanoTime() - started).minus(fakes.latency.multipliedBy(3)));
				}
			}
		}
		return Stats.of(own);
	}

	private static void send(HttpClient http, HttpRequest.Builder request) throws Exception {
		HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
	}

	@Test
	void streamingTheModelsAnswerStartsALongReplySooner() throws Exception {
		Duration latency = BenchmarkFakes.configuredLatency();
		Report.line("== 3b. Long chat reply (%d sentences written over %s), time to first audio, fakes at %s",
				LONG_REPLY.size(), Stats.ms(WRITING), Stats.ms(latency));
		Report.machine();
		for (boolean stream : new boolean[] { true, false }) {
			try (BenchmarkFakes<WireMockOpenAi> fakes = BenchmarkFakes.wireMock(latency);
					BenchmarkServer server = BenchmarkServer.start(fakes.serverProperties(stream, true))) {
				fakes.hears("Tell me about lamps.");
				String whole = String.join("", LONG_REPLY);
				// Streamed: the pieces trickle in while the model writes. Whole: the
				// answer
				// comes when the writing is done.
				fakes.openAi.server.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH)).atPriority(1)
					.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
					.willReturn(OpenAiChatStubs.streamResponse(LONG_REPLY)
						.withChunkedDribbleDelay(LONG_REPLY.size() * 3, (int) WRITING.toMillis())));
				fakes.openAi.server.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH)).atPriority(5)
					.willReturn(OpenAiChatStubs.textResponse(whole)
						.withFixedDelay((int) latency.plus(WRITING).toMillis())));
				fakes.speaksFor(Duration.ofMillis(200));
				Stats stats = Stats.of(measure(server.url(), fakes, CHOICE_WARM_UP, CHOICE_SAMPLES));
				Report.line("openai.stream=%s: %s; server stages: %s", stream, stats,
						serverStages(server.url(), CHOICE_SAMPLES));
			}
		}
	}

	@Test
	void answeringLocallySkipsTheModel() throws Exception {
		Duration latency = BenchmarkFakes.configuredLatency();
		Report.line("== 3c. \"What time is it?\", time to first audio, fakes at %s", Stats.ms(latency));
		Report.machine();
		for (boolean local : new boolean[] { true, false }) {
			try (BenchmarkFakes<WireMockOpenAi> fakes = BenchmarkFakes.wireMock(latency);
					BenchmarkServer server = BenchmarkServer.start(fakes.serverProperties(true, local))) {
				fakes.hears("What time is it?");
				fakes.openAi.chat.callTool("what time is it", "get_time", "{}");
				fakes.speaksFor(Duration.ofMillis(200));
				Stats stats = Stats.of(measure(server.url(), fakes, CHOICE_WARM_UP, CHOICE_SAMPLES));
				Report.line("assistant.prefer-local=%s: %s; server stages: %s", local, stats,
						serverStages(server.url(), CHOICE_SAMPLES));
			}
		}
	}

	/**
	 * The p50 of each stage in {@code GET /api/internal/utterances} (which keeps the
	 * newest 50), over the measured utterances only.
	 */
	private static String serverStages(URI server, int samples) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.resolve("/api/internal/utterances")).build(),
					HttpResponse.BodyHandlers.ofString());
		Map<String, List<Duration>> stages = new TreeMap<>();
		JsonNode newestFirst = JsonMapper.builder().build().readTree(response.body());
		for (int i = 0; i < Math.min(samples, newestFirst.size()); i++) {
			newestFirst.get(i)
				.get("stagesMillis")
				.properties()
				.forEach((stage) -> stages.computeIfAbsent(stage.getKey(), (key) -> new ArrayList<>())
					.add(Duration.ofMillis(stage.getValue().asLong())));
		}
		return stages.entrySet()
			.stream()
			.map((stage) -> stage.getKey() + " p50 " + Stats.ms(Stats.of(stage.getValue()).p50()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * Speaks {@code samples} utterances (after a warm-up) from one simulated device, each
	 * after the previous one was answered with listen or idle.
	 */
	private static List<Duration> measure(URI server, BenchmarkFakes<?> fakes, int warmUp, int samples)
			throws InterruptedException {
		BlockingQueue<SimulatorEvent> ends = new LinkedBlockingQueue<>();
		List<Duration> firstAudio = new ArrayList<>();
		try (SimulatedDevice device = SimulatedDevice.builder(server, "box-benchmark")
			.keepEvents(false)
			.listener((event) -> {
				if (event instanceof SimulatorEvent.Listen || event instanceof SimulatorEvent.Idle) {
					ends.add(event);
				}
			})
			.connect()) {
			for (int i = 0; i < warmUp + samples; i++) {
				fakes.speaker.clear();
				SimulatedDevice.Utterance utterance = device.speak(UTTERANCE);
				assertThat(utterance.status()).as(String.valueOf(utterance.error())).isEqualTo(200);
				long played = fakes.speaker.nextPlay(Duration.ofSeconds(30));
				if (i >= warmUp) {
					firstAudio.add(Duration.ofNanos(played - utterance.endOfSpeechNanos()));
				}
				// Every reply here goes on with the conversation: idle means nothing was
				// said
				// and the first audio was the end chime, which would be no measurement.
				assertThat(ends.poll(60, TimeUnit.SECONDS)).as("what the device was told after the reply")
					.isEqualTo(new SimulatorEvent.Listen());
			}
		}
		return firstAudio;
	}

}

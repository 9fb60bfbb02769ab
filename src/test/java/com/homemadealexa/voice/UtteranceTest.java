package com.homemadealexa.voice;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.llm.ConnectionRetry;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.speech.OpenAiSpeechSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechSettings;
import com.homemadealexa.speech.openai.OpenAiTextToSpeech;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One utterance as one object: its claim on the device, its one line per failure, its
 * entry in the recent list, its id in the MDC of the threads that work for it.
 */
class UtteranceTest {

	static final DeviceInfo KITCHEN = new DeviceInfo("c-1", "192.168.1.20", "box-kitchen", "esp32", null, Instant.now(),
			false, "192.168.1.2:8080");

	final RecentUtterances recent = new RecentUtterances();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final Utterances utterances = new Utterances(new OneDevice(KITCHEN), this.recent, this.meters);

	final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@AfterEach
	void detach() {
		((Logger) LoggerFactory.getLogger(Utterance.class)).detachAppender(this.lines);
		((Logger) LoggerFactory.getLogger(ConnectionRetry.class)).detachAppender(this.lines);
		MDC.clear();
	}

	@Test
	void aNewerUtteranceFromTheSameDeviceCancelsThePendingOne() {
		Utterance first = this.utterances.spokenOnDevice(KITCHEN.address());
		first.received();

		Utterance second = this.utterances.spokenOnDevice(KITCHEN.address());

		assertThat(first.isCancelled()).isTrue();
		assertThat(first.waitUntil(Instant.now().plusSeconds(60))).as("a cancelled wait ends at once").isFalse();
		assertThat(second.isCancelled()).isFalse();
		assertThat(second.device()).contains(KITCHEN);
		assertThat(second.conversationId()).isEqualTo("box-kitchen");
	}

	@Test
	void aWakeWordInterruptsThePendingReplyButNotAnUploadStillArriving() {
		Utterance uploading = this.utterances.spokenOnDevice(KITCHEN.address());

		assertThat(this.utterances.interrupt(KITCHEN.address())).isFalse();
		assertThat(uploading.isCancelled()).isFalse();

		uploading.received();
		assertThat(this.utterances.interrupt(KITCHEN.address())).isTrue();
		assertThat(uploading.isCancelled()).isTrue();
		assertThat(this.utterances.interrupt(KITCHEN.address())).as("nothing is pending any more").isFalse();
	}

	@Test
	void aClosedUtteranceNoLongerHoldsItsDevice() {
		Utterance answered = this.utterances.typedForDevice(KITCHEN, "what time is it");
		answered.close();

		assertThat(this.utterances.interrupt(KITCHEN.address())).isFalse();
		assertThat(answered.isCancelled()).isFalse();
	}

	@Test
	void aDeviceWithoutAConnectionIsKnownByItsAddress() {
		Utterance utterance = this.utterances.spokenOnDevice("10.0.0.9");

		assertThat(utterance.conversationId()).isEqualTo("10.0.0.9");
		assertThat(utterance.device()).hasValueSatisfying((device) -> {
			assertThat(device.address()).isEqualTo("10.0.0.9");
			assertThat(device.connectionId()).isEmpty();
		});
	}

	@Test
	void aFailureIsOneLogLineWithTheIdInTheMdc() {
		listen(Utterance.class);
		Utterance utterance = this.utterances.spokenInWebapp("admin");

		// Reported from a thread that has no MDC of its own.
		CompletableFuture
			.runAsync(() -> utterance.failed(Utterance.Stage.SPEECH_TO_TEXT,
					new SpeechException("OpenAI speech-to-text failed: HTTP 500")))
			.join();

		assertThat(this.lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage())
				.isEqualTo("Utterance failed at stage stt (speech-to-text): OpenAI speech-to-text failed: HTTP 500");
			assertThat(line.getMDCPropertyMap()).containsEntry(Utterance.MDC_KEY, utterance.id());
		});
		assertThat(utterance.failure())
			.isEqualTo(new RecentUtterances.Failure("stt", "OpenAI speech-to-text failed: HTTP 500"));
	}

	@Test
	void onlyTheFirstFailureIsKeptForTheRecentList() {
		Utterance utterance = this.utterances.typed("chat:127.0.0.1", "tell me a story");

		utterance.failed(Utterance.Stage.VOICE, new SpeechException("first"));
		utterance.failed(Utterance.Stage.PLAYBACK, new IllegalStateException("second"));

		assertThat(utterance.failure()).isEqualTo(new RecentUtterances.Failure("tts", "first"));
	}

	@Test
	void closingLeavesOneEntryInTheRecentListWithWhatWasHeardAndAnswered() {
		Utterance utterance = this.utterances.spokenOnDevice(KITCHEN.address());
		utterance.speechEnded();
		utterance.transcribed("what time is it");
		utterance.answered(new Interpretation("time", "It is noon.", true, Interpretation.Route.LOCAL));

		utterance.close();
		utterance.close();

		assertThat(this.recent.newestFirst()).singleElement().satisfies((entry) -> {
			assertThat(entry.id()).isEqualTo(utterance.id());
			assertThat(entry.source()).isEqualTo("box-kitchen");
			assertThat(entry.transcript()).isEqualTo("what time is it");
			assertThat(entry.answer()).isEqualTo("It is noon.");
			assertThat(entry.route()).isEqualTo("LOCAL");
			assertThat(entry.input()).isEqualTo("SPEECH");
			assertThat(entry.stagesMillis()).containsOnlyKeys(Utterance.TRANSCRIBED, Utterance.ANSWERED);
			assertThat(entry.failure()).isNull();
		});
		assertThat(this.meters.get("alexa.pipeline").tag("stage", Utterance.ANSWERED).timer().count()).isEqualTo(1);
	}

	@Test
	void anUtteranceThatHeardNothingAndDidNotFailLeavesNoEntry() {
		Utterance silence = this.utterances.spokenOnDevice(KITCHEN.address());
		silence.speechEnded();
		silence.close();

		assertThat(this.recent.newestFirst()).isEmpty();
	}

	@Test
	void aFailedUploadIsListedWithItsStage() {
		Utterance utterance = this.utterances.spokenInWebapp("admin");
		utterance.failed(Utterance.Stage.SPEECH_TO_TEXT, new SpeechException("timed out"));
		utterance.close();

		assertThat(this.recent.newestFirst()).singleElement().satisfies((entry) -> {
			assertThat(entry.source()).isEqualTo("webapp:admin");
			assertThat(entry.input()).isEqualTo("SPEECH");
			assertThat(entry.failure()).isEqualTo(new RecentUtterances.Failure("stt", "timed out"));
		});
	}

	@Test
	void workItHandsToAnotherThreadRunsWithItsIdInThatThreadsMdc() throws Exception {
		Utterance utterance = this.utterances.typed("chat:127.0.0.1", "hello");
		ExecutorService worker = Executors.newSingleThreadExecutor();
		try {
			String seen = CompletableFuture.supplyAsync(utterance.wrap(() -> MDC.get(Utterance.MDC_KEY)), worker).get();
			String afterwards = CompletableFuture.supplyAsync(() -> MDC.get(Utterance.MDC_KEY), worker).get();

			assertThat(seen).isEqualTo(utterance.id());
			assertThat(afterwards).as("the pooled thread is left as it was").isNull();
		}
		finally {
			worker.shutdownNow();
		}
	}

	@Test
	void bindingRestoresTheMdcThatWasThere() {
		Utterance outer = this.utterances.typed("chat:127.0.0.1", "hello");
		Utterance inner = this.utterances.typed("chat:127.0.0.1", "again");
		try (Utterance.Scope a = outer.bind()) {
			try (Utterance.Scope b = inner.bind()) {
				assertThat(MDC.get(Utterance.MDC_KEY)).isEqualTo(inner.id());
			}
			assertThat(MDC.get(Utterance.MDC_KEY)).isEqualTo(outer.id());
		}
		assertThat(MDC.get(Utterance.MDC_KEY)).isNull();
	}

	/**
	 * A provider's own log line, written on the voice's worker thread (here OpenAI's
	 * retry after a reset connection), names the utterance without being told its id.
	 */
	@Test
	void aProviderLogLineOnTheVoicesWorkerThreadNamesTheUtterance() {
		WireMockServer openAi = LoopbackWireMock.start();
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.SPEECH_PATH)).inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.SPEECH_PATH)).inScenario("reset")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "audio/wav")
				.withBody(TestWavs.speech(300))));
		OpenAiTextToSpeech tts = new OpenAiTextToSpeech(OpenAiSpeechSettings.textToSpeech(
				new SpeechSettings("openai", "whisper-1", "openai", "gpt-4o-mini-tts", "alloy", 5, "", "", "", ""),
				new OpenAiSettings("sk-test", OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300, 30, true)));
		SentenceVoice voice = new SentenceVoice(tts, PhrasesTestData.phrases(Locale.US));
		listen(ConnectionRetry.class);
		Utterance utterance = this.utterances.typed("chat:127.0.0.1", "hello");
		try {
			byte[] wav = voice.synthesize("Hello.", utterance).join();

			assertThat(Wav.duration(wav).toMillis()).isEqualTo(300);
			assertThat(this.lines.list).singleElement().satisfies((line) -> {
				assertThat(line.getFormattedMessage()).contains("OpenAI text-to-speech connection failed");
				assertThat(line.getThreadName()).isNotEqualTo(Thread.currentThread().getName());
				assertThat(line.getMDCPropertyMap()).containsEntry(Utterance.MDC_KEY, utterance.id());
			});
		}
		finally {
			voice.destroy();
			tts.close();
			openAi.stop();
		}
	}

	private void listen(Class<?> source) {
		Logger logger = (Logger) LoggerFactory.getLogger(source);
		this.lines.start();
		logger.addAppender(this.lines);
	}

	/** The device registry as far as these tests need it: one connected device. */
	record OneDevice(DeviceInfo device) implements Devices {

		@Override
		public List<DeviceInfo> connected() {
			return List.of(this.device);
		}

		@Override
		public Optional<DeviceInfo> findByAddress(String address) {
			return Optional.of(this.device).filter((known) -> known.address().equals(address));
		}

		@Override
		public Optional<DeviceInfo> findByHostname(String hostname) {
			return Optional.of(this.device).filter((known) -> hostname.equals(known.hostname()));
		}

		@Override
		public boolean send(String connectionId, DeviceCommand command) {
			return false;
		}

		@Override
		public int broadcast(DeviceCommand command) {
			return 0;
		}

	}

}

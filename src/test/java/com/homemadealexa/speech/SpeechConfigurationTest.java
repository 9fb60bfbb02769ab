package com.homemadealexa.speech;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.llm.OpenAiSettings;
import com.homemadealexa.speech.azure.AzureSpeechToText;
import com.homemadealexa.speech.openai.OpenAiSpeechToText;
import com.homemadealexa.speech.wyoming.WyomingSpeechToText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class SpeechConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, SpeechConfiguration.class)
		.withPropertyValues("speech.stt-provider=openai", "speech.stt-model=whisper-1", "speech.tts-provider=azure",
				"speech.openai-tts-model=gpt-4o-mini-tts", "speech.openai-tts-voice=alloy", "speech.timeout-seconds=5",
				"openai.api-key=", "openai.base-url=http://127.0.0.1:9/v1", "openai.model=gpt-4.1",
				"openai.session-timeout-seconds=300", "openai.timeout-seconds=30", "openai.stream=true",
				"azure.speech-key=", "azure.region=westeurope", "azure.endpoint=", "azure.voice=",
				"assistant.language=pl-PL", "assistant.name=Alexa", "assistant.time-zone=",
				"assistant.prefer-local=true", "assistant.templates-dir=");

	@Test
	void aProviderWithoutItsKeyIsReportedAtStartUpAndFailsEachTranscription(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(output).containsOnlyOnce("Speech-to-text is not configured: set openai.api_key");
			try (Transcription transcription = context.getBean(SpeechToText.class).start(PcmFormat.SPEECH)) {
				transcription.write(new byte[3200], 0, 3200);
				assertThatExceptionOfType(SpeechException.class).isThrownBy(transcription::finish)
					.withMessageStartingWith("Speech-to-text is not configured: set openai.api_key");
			}
		});
	}

	@Test
	void picksTheConfiguredSpeechToText() {
		this.runner.withPropertyValues("openai.api-key=sk-test").run((context) -> {
			assertThat(((TimedSpeechToText) context.getBean(SpeechToText.class)).delegate())
				.isInstanceOf(OpenAiSpeechToText.class);
		});
		this.runner.withPropertyValues("speech.stt-provider=azure", "azure.speech-key=azure-test").run((context) -> {
			assertThat(((TimedSpeechToText) context.getBean(SpeechToText.class)).delegate())
				.isInstanceOf(AzureSpeechToText.class);
		});
	}

	@Test
	void exposesOneTextToSpeechWithTheConfiguredPrimaryVoice() {
		this.runner.withPropertyValues("azure.speech-key=azure-test").run((context) -> {
			assertThat(context).hasSingleBean(TextToSpeech.class);
			assertThat(((FallbackTextToSpeech) context.getBean(TextToSpeech.class)).primaryName()).isEqualTo("azure");
		});
		this.runner.withPropertyValues("speech.tts-provider=openai", "openai.api-key=sk-test").run((context) -> {
			assertThat(((FallbackTextToSpeech) context.getBean(TextToSpeech.class)).primaryName()).isEqualTo("openai");
		});
	}

	@Test
	void speaksWithEspeakWhenTheConfiguredVoiceHasNoKey(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(output)
				.contains("Text-to-speech provider azure is not configured (set azure.speech_key or azure.host)");
			TextToSpeech tts = context.getBean(TextToSpeech.class);
			assertThat(((FallbackTextToSpeech) tts).primaryName()).isEqualTo("espeak");
			assertThat(tts.synthesize("Cześć", Locale.forLanguageTag("pl-PL"))).isNotEmpty();
			assertThat(context.getBean(MeterRegistry.class)
				.get("alexa.tts")
				.tag("provider", "espeak")
				.tag("outcome", "success")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void picksWyomingWhenItHasAnAddressAndSaysWhichKeyIsMissingWhenNot(CapturedOutput output) {
		this.runner
			.withPropertyValues("speech.stt-provider=wyoming", "wyoming.stt-url=tcp://127.0.0.1:10300",
					"speech.tts-provider=wyoming", "wyoming.tts-url=tcp://127.0.0.1:10200")
			.run((context) -> {
				assertThat(((TimedSpeechToText) context.getBean(SpeechToText.class)).delegate())
					.isInstanceOf(WyomingSpeechToText.class);
				assertThat(((FallbackTextToSpeech) context.getBean(TextToSpeech.class)).primaryName())
					.isEqualTo("wyoming");
			});
		this.runner.withPropertyValues("speech.stt-provider=wyoming", "speech.tts-provider=wyoming").run((context) -> {
			assertThat(output).contains("Speech-to-text is not configured: set wyoming.stt_url");
			assertThat(output).contains("Text-to-speech provider wyoming is not configured (set wyoming.tts_url)");
		});
	}

	@Test
	void aWyomingVoiceThatIsDownFallsBackToEspeak(CapturedOutput output) throws Exception {
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		this.runner.withPropertyValues("speech.tts-provider=wyoming", "wyoming.tts-url=tcp://127.0.0.1:" + port)
			.run((context) -> {
				byte[] wav = context.getBean(TextToSpeech.class).synthesize("Cześć", Locale.forLanguageTag("pl-PL"));
				assertThat(com.homemadealexa.audio.Wav.decode(wav).format()).isEqualTo(PcmFormat.SPEECH);
				assertThat(output).contains("wyoming text-to-speech failed (Wyoming text-to-speech at "
						+ "tcp://127.0.0.1:" + port + " is unreachable");
				assertThat(context.getBean(MeterRegistry.class)
					.get("alexa.tts")
					.tag("provider", "espeak")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void aStageWithItsOwnServerNeedsNoOpenAiKey() {
		this.runner
			.withPropertyValues("speech.stt-base-url=http://127.0.0.1:8000/v1", "speech.tts-provider=openai",
					"speech.tts-base-url=http://127.0.0.1:8880/v1")
			.run((context) -> {
				assertThat(((TimedSpeechToText) context.getBean(SpeechToText.class)).delegate())
					.isInstanceOf(OpenAiSpeechToText.class);
				assertThat(((FallbackTextToSpeech) context.getBean(TextToSpeech.class)).primaryName())
					.isEqualTo("openai");
			});
	}

	@Test
	void anAzureContainerNeedsNoKey() {
		this.runner.withPropertyValues("speech.stt-provider=azure", "azure.host=ws://127.0.0.1:5000")
			.run((context) -> assertThat(((TimedSpeechToText) context.getBean(SpeechToText.class)).delegate())
				.isInstanceOf(AzureSpeechToText.class));
	}

	@Test
	void resolvesEachStagesServerAndNeverSendsTheOpenAiKeyElsewhere() {
		OpenAiSettings openAi = new OpenAiSettings("sk-model", "https://api.openai.com/v1", "gpt-4.1", 300, 30, true);
		SpeechSettings shared = new SpeechSettings("openai", "whisper-1", "openai", "tts-1", "alloy", 20, "", "", "",
				"");
		SpeechSettings own = new SpeechSettings("openai", "whisper-1", "openai", "kokoro", "af_bella", 20,
				"http://127.0.0.1:8000/v1", "", "http://127.0.0.1:8880/v1", "sk-kokoro");

		assertThat(OpenAiSpeechSettings.speechToText(shared, openAi).apiKey()).isEqualTo("sk-model");
		assertThat(OpenAiSpeechSettings.speechToText(shared, openAi).baseUrl()).isEqualTo("https://api.openai.com/v1");
		assertThat(OpenAiSpeechSettings.speechToText(own, openAi).apiKey()).isEmpty();
		assertThat(OpenAiSpeechSettings.speechToText(own, openAi).configured()).isTrue();
		assertThat(OpenAiSpeechSettings.textToSpeech(own, openAi).apiKey()).isEqualTo("sk-kokoro");
		assertThat(OpenAiSpeechSettings.textToSpeech(own, openAi).voice()).isEqualTo("af_bella");
		assertThat(OpenAiSpeechSettings.textToSpeech(own, openAi).toString()).doesNotContain("sk-kokoro");
	}

	@Test
	void refusesAWyomingAddressThatIsNotTcpHostPort() {
		this.runner.withPropertyValues("speech.stt-provider=wyoming", "wyoming.stt-url=http://127.0.0.1:10300")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must be empty or tcp://host:port"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SpeechSettings.class, OpenAiSettings.class, AzureSettings.class,
			WyomingSettings.class, AssistantSettings.class })
	static class Settings {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}

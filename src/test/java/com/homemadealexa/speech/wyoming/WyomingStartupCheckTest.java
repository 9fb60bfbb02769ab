package com.homemadealexa.speech.wyoming;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.homemadealexa.speech.WyomingSettings;
import com.homemadealexa.testsupport.FakeWyomingServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code describe}/{@code info} handshake at start-up, against loopback services.
 */
@ExtendWith(OutputCaptureExtension.class)
class WyomingStartupCheckTest {

	private static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	private final FakeWyomingServer whisper = FakeWyomingServer.start(FakeWyomingServer.transcriber("unused"));

	private final FakeWyomingServer piper = FakeWyomingServer.start(FakeWyomingServer.piper(22050, 100));

	@AfterEach
	void stop() {
		this.whisper.close();
		this.piper.close();
	}

	@Test
	void logsWhatEachServiceOffers(CapturedOutput output) {
		check(new WyomingSettings(this.whisper.url(), "", this.piper.url(), ""), POLISH);

		assertThat(output).contains(
				"Wyoming speech-to-text at " + this.whisper.url() + " offers faster-whisper (tiny-int8 [en, pl])");
		assertThat(output)
			.contains("Wyoming text-to-speech at " + this.piper.url() + " offers piper (en_US-lessac-medium [en_US])");
		assertThat(this.whisper.receivedTypes()).containsExactly("describe");
	}

	@Test
	void warnsWhenNothingSpeaksTheHouseholdsLanguage(CapturedOutput output) {
		check(new WyomingSettings(this.whisper.url(), "", this.piper.url(), ""), POLISH);

		assertThat(output).doesNotContain("offers no model for pl");
		assertThat(output).contains("Wyoming text-to-speech at " + this.piper.url()
				+ " offers no voice for pl (assistant.language = pl-PL)");
	}

	@Test
	void warnsWhenTheConfiguredModelOrVoiceIsNotOffered(CapturedOutput output) {
		check(new WyomingSettings(this.whisper.url(), "large-v3", this.piper.url(), "en_US-amy-low"), Locale.US);

		assertThat(output).contains("offers no model named 'large-v3' (wyoming.stt_model)");
		assertThat(output).contains("offers no voice named 'en_US-amy-low' (wyoming.tts_voice)");
	}

	@Test
	void saysWhoChoosesTheVoiceWhenNoneIsNamed(CapturedOutput output) {
		check(new WyomingSettings("", "", this.piper.url(), ""), POLISH);
		check(new WyomingSettings("", "", this.piper.url(), "pl_PL-gosia-medium"), POLISH);

		assertThat(output).containsOnlyOnce("wyoming.tts_voice is empty, so the service's default voice speaks "
				+ "(wyoming-piper: the one given to --voice); name one of its pl voices there to choose");
	}

	@Test
	void aServiceThatIsDownIsReportedAndNothingFails(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		check(new WyomingSettings("tcp://127.0.0.1:" + port, "", "", ""), POLISH);

		assertThat(output).contains("Wyoming speech-to-text did not describe itself at start-up (Wyoming "
				+ "speech-to-text at tcp://127.0.0.1:" + port + " is unreachable");
		assertThat(output).contains("each utterance tries it again");
	}

	@Test
	void parsesInfoWithManyOffersIntoAShortLine() throws IOException {
		WyomingEvent info = new WyomingEvent("info",
				(tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.readTree(FakeWyomingServer.asrInfo("whisper.cpp", "base",
							List.of("en", "pl", "de", "fr", "es", "it", "nl"))),
				new byte[0]);

		WyomingInfo parsed = WyomingInfo.parse(info, "asr");

		assertThat(parsed.speaks("pl")).isTrue();
		assertThat(parsed.speaks("sv")).isFalse();
		assertThat(parsed.offers("base")).isTrue();
		assertThat(parsed.summary()).isEqualTo("whisper.cpp (base [en, pl, de, fr, es ... 7 languages])");
	}

	private static void check(WyomingSettings settings, Locale locale) {
		new WyomingStartupCheck(settings, locale, Duration.ofSeconds(2), !settings.sttUrl().isEmpty(),
				!settings.ttsUrl().isEmpty())
			.run();
	}

}

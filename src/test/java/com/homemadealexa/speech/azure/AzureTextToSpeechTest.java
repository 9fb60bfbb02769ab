package com.homemadealexa.speech.azure;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.AzureSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.testsupport.AzureTtsStubs;
import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.TestWavs;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AzureTextToSpeechTest {

	private static final String KEY = "azure-test-secret-key";

	private static final Locale POLISH = Locale.forLanguageTag("pl-PL");

	private static final WireMockServer azure = LoopbackWireMock.start();

	@AfterAll
	static void stop() {
		azure.stop();
	}

	@BeforeEach
	void reset() {
		azure.resetAll();
	}

	@Test
	void postsEscapedSsmlWithTheRightHeaders() throws Exception {
		AzureTtsStubs.speechReturnsTone(azure, 500);
		String tricky = "Tom & Jerry <b>\"cytat\"</b> 'ząb' </voice><voice name=\"x\">";

		byte[] wav = tts("").synthesize(tricky, POLISH);

		assertThat(Wav.decode(wav).format()).isEqualTo(PcmFormat.SPEECH);
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("Ocp-Apim-Subscription-Key")).isEqualTo(KEY);
		assertThat(request.getHeader("Content-Type")).startsWith("application/ssml+xml");
		assertThat(request.getHeader("X-Microsoft-OutputFormat")).isEqualTo("riff-16khz-16bit-mono-pcm");
		assertThat(request.getHeader("User-Agent")).isEqualTo("homemade-alexa-server");
		Document ssml = DocumentBuilderFactory.newDefaultNSInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(request.getBody()));
		Element speak = ssml.getDocumentElement();
		assertThat(speak.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("pl-PL");
		Element voice = (Element) speak.getElementsByTagName("voice").item(0);
		assertThat(speak.getElementsByTagName("voice").getLength()).isEqualTo(1);
		assertThat(voice.getAttribute("name")).isEqualTo("pl-PL-ZofiaNeural");
		assertThat(voice.getTextContent()).isEqualTo(tricky);
	}

	@Test
	void picksTheVoiceByLanguageUnlessOneIsConfigured() {
		assertThat(tts("").voice(Locale.US)).isEqualTo("en-US-JennyNeural");
		assertThat(tts("").voice(POLISH)).isEqualTo("pl-PL-ZofiaNeural");
		assertThat(tts("pl-PL-MarekNeural").voice(POLISH)).isEqualTo("pl-PL-MarekNeural");
	}

	@Test
	void normalisesWhateverAudioComesBack() {
		AzureTtsStubs.speechReturns(azure, TestWavs.tone(new PcmFormat(24000, 16, 2), 300, 440));

		PcmAudio audio = Wav.decode(tts("").synthesize("Hello", Locale.US));

		assertThat(audio.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(audio.duration()).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void reportsARefusalWithItsStatusButNotTheKey() {
		AzureTtsStubs.speechFails(azure, 401);

		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hello", Locale.US))
			.withMessageContaining("HTTP 401")
			.withMessageNotContaining(KEY);
	}

	@Test
	void reportsABrokenConnectionAndAnAnswerThatIsNotAudio() {
		AzureTtsStubs.speechResetsConnection(azure);
		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hello", Locale.US))
			.withMessageContaining("unreachable");

		AzureTtsStubs.speechReturns(azure, "<html>gateway</html>".getBytes());
		assertThatExceptionOfType(SpeechException.class).isThrownBy(() -> tts("").synthesize("Hello", Locale.US))
			.withMessageContaining("not a WAV");
	}

	@Test
	void givesUpAfterTheTimeout() {
		AzureTtsStubs.speechReturns(azure, TestWavs.speech(100), Duration.ofSeconds(5));

		long started = System.nanoTime();
		assertThatExceptionOfType(SpeechException.class)
			.isThrownBy(() -> tts("", Duration.ofSeconds(1)).synthesize("Hello", Locale.US));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void derivesTheUrlFromTheRegionWithoutAnEndpoint() {
		assertThat(AzureTextToSpeech.url(new AzureSettings(KEY, "westeurope", "", "", "")))
			.isEqualTo("https://westeurope.tts.speech.microsoft.com/cognitiveservices/v1");
		assertThat(AzureTextToSpeech.url(new AzureSettings(KEY, "westeurope", "https://speech.example/", "", "")))
			.isEqualTo("https://speech.example/cognitiveservices/v1");
		assertThat(AzureTextToSpeech.url(new AzureSettings("", "westeurope", "", "", "ws://speech-box:5000/")))
			.isEqualTo("http://speech-box:5000/cognitiveservices/v1");
	}

	@Test
	void dropsCharactersXmlCannotCarry() {
		assertThat(Ssml.escape("a\u0000b\u0007c\td\uFFFEe😀")).isEqualTo("abc\tde😀");
	}

	private static AzureTextToSpeech tts(String voice) {
		// Generous: the first request of a JVM on a loaded machine is slow.
		return tts(voice, Duration.ofSeconds(10));
	}

	private static AzureTextToSpeech tts(String voice, Duration timeout) {
		return new AzureTextToSpeech(new AzureSettings(KEY, "westeurope", AzureTtsStubs.endpoint(azure), voice, ""),
				timeout);
	}

	private static LoggedRequest onlyRequest() {
		assertThat(azure.findAll(postRequestedFor(urlPathEqualTo(AzureTtsStubs.PATH)))).hasSize(1);
		return azure.findAll(postRequestedFor(urlPathEqualTo(AzureTtsStubs.PATH))).get(0);
	}

}

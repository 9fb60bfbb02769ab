package com.homemadealexa.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.CloudFakes;
import com.homemadealexa.testsupport.CloudFakesIntegrationTest;
import com.homemadealexa.testsupport.CloudFakesTest;
import com.homemadealexa.testsupport.CloudFakesTest.TextToSpeech;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The webapp and the LAN console in a real headless Chromium against the running server,
 * with OpenAI replaced by a loopback fake and Chromium's fake microphone playing a WAV.
 */
@CloudFakesTest(language = "en-US", preferLocal = false, textToSpeech = TextToSpeech.OPENAI, password = "secret",
		voiceMillis = 400)
class WebappBrowserTest extends CloudFakesIntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	static final Duration PATIENCE = Duration.ofSeconds(15);

	/** The tone the fake microphone plays, between pauses, like a short sentence. */
	static final double SPOKEN_HERTZ = 440;

	@TempDir
	static Path temp;

	static HeadlessChromium chromium;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startBrowser() throws IOException {
		assertThat(HeadlessChromium.installed())
			.as("The browser tests need Debian's chromium and chromium-driver (./test installs them)")
			.isTrue();
		PcmFormat microphone = new PcmFormat(48000, 16, 1);
		byte[] sentence = concat(TestWavs.silencePcm(microphone, 300), TestWavs.tonePcm(microphone, 1200, SPOKEN_HERTZ),
				TestWavs.silencePcm(microphone, 1500));
		Path wav = Files.write(temp.resolve("microphone.wav"), TestWavs.wav(sentence, microphone));
		chromium = HeadlessChromium.start(wav, Files.createDirectories(temp.resolve("profile")));
	}

	@AfterAll
	static void stopAll() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aWrongPasswordShowsAnError() {
		openLoggedOut();
		logIn("not-the-password");
		WebElement error = waitFor(By.id("login-error"));
		assertThat(error.getText()).isEqualTo("Wrong username or password.");
		assertThat(body().getDomAttribute("data-view")).isEqualTo("login");
		chromium.screenshot("webapp-login");
	}

	@Test
	void talksHandsFreeAndPlaysEachAnswer() throws Exception {
		transcriptsInTurn("Tell me a joke.", "Stop.");
		chat.answerText("tell me a joke", "Why did the chicken cross the road? To get to the other side.");
		chat.callTool("stop", "stop", "{}");
		openLoggedOut();
		logIn("secret");
		waitFor(By.cssSelector("#connection[data-connection='connected']"));

		driver().findElement(By.id("talk")).click();
		// The answer asks for more (next: listen), so the page records again by itself;
		// the
		// second utterance ends the conversation.
		waitFor(By.xpath("//ol[@id='log']/li[@data-kind='user'][contains(., 'Stop.')]"));
		chromium.waiting(PATIENCE).until(ExpectedConditions.attributeToBe(body(), "data-state", "idle"));

		assertThat(logTexts("user")).containsExactly("Stop.", "Tell me a joke.");
		// Two sentences of 0.4 s for the joke, one for the goodbye, each played to the
		// end.
		assertThat(logTexts("assistant")).satisfiesExactly(
				(goodbye) -> assertThat(goodbye).endsWith("▶ answer played (0.4 s)"),
				(joke) -> assertThat(joke).isEqualTo(
						"Why did the chicken cross the road? To get to the other side. ▶ answer played (0.8 s)"));
		assertThat(driver().findElements(By.cssSelector("#log li[data-kind='assistant']")))
			.allSatisfy((answer) -> assertThat(answer.getDomAttribute("data-played")).isEqualTo("true"));
		List<LoggedRequest> uploads = openAi
			.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)));
		assertThat(uploads).hasSize(2);
		PcmAudio heard = Wav.decode(uploads.get(0).getPart("file").getBody().asBytes());
		assertThat(heard.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(dominantHertz(heard.data())).isCloseTo(SPOKEN_HERTZ, within(20.0));

		postInternal("/api/internal/display", "{\"title\": \"Kitchen timer\", \"text\": \"The pasta is ready\"}");
		assertThat(waitFor(By.id("screen-text")).getText()).isEqualTo("The pasta is ready");
		assertThat(driver().findElement(By.id("screen-title")).getText()).isEqualTo("Kitchen timer");
		chromium.screenshot("webapp");
		chromium.resize(390, 844);
		chromium.screenshot("webapp-phone");
		chromium.resize(1280, 900);

		driver().navigate().refresh();
		waitFor(By.cssSelector("#connection[data-connection='connected']"));
		assertThat(body().getDomAttribute("data-view")).isEqualTo("talk");
	}

	@Test
	void typesACommandAndHearsTheAnswerWithoutTheMicrophone() {
		chat.answerText("capital of france", "Paris is the capital of France.");
		openLoggedOut();
		logIn("secret");
		waitFor(By.cssSelector("#connection[data-connection='connected']"));

		driver().findElement(By.id("command")).sendKeys("What is the capital of France?");
		driver().findElement(By.id("send-command")).click();
		WebElement answer = waitFor(By.cssSelector("#log li[data-kind='assistant'][data-played='true']"));
		assertThat(answer.findElement(By.className("text")).getText())
			.isEqualTo("Paris is the capital of France. ▶ answer played (0.4 s)");
		assertThat(driver().findElement(By.cssSelector("#log li[data-kind='user']")).getDomAttribute("data-typed"))
			.isEqualTo("true");
		assertThat(logTexts("user")).containsExactly("What is the capital of France?");
		// The answer invites a reply (next: listen), but a typed conversation goes on by
		// typing: the microphone stays off and nothing was sent to speech-to-text.
		assertThat(body().getDomAttribute("data-state")).isEqualTo("idle");
		assertThat(driver().findElement(By.id("command")).getDomProperty("value")).isEmpty();
		assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)))).isEmpty();
	}

	@Test
	void aRefusedTokenSendsTheUserBackToTheLoginPage() {
		openLoggedOut();
		// Well formed and unexpired, but not signed with the server's key.
		chromium.script("localStorage.setItem('alexa.token', arguments[0])",
				"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJlLW9mLWFub3RoZXIta2V5");
		driver().navigate().refresh();
		WebElement error = waitFor(By.id("login-error"));
		assertThat(error.getText()).isEqualTo("Your session has expired. Please log in again.");
		assertThat(chromium.script("return localStorage.getItem('alexa.token')")).isNull();
	}

	@Test
	void explainsARefusedMicrophoneAndAnUnreachableServer() {
		openLoggedOut();
		logIn("secret");
		waitFor(By.cssSelector("#connection[data-connection='connected']"));
		chromium.script("navigator.mediaDevices.getUserMedia = () => "
				+ "Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))");
		driver().findElement(By.id("talk")).click();
		assertThat(waitFor(By.id("error-text")).getText()).startsWith("Microphone access was refused.");
		assertThat(body().getDomAttribute("data-state")).isEqualTo("idle");

		driver().findElement(By.id("logout")).click();
		chromium.script("window.fetch = () => Promise.reject(new TypeError('Failed to fetch'))");
		logIn("secret");
		assertThat(waitFor(By.id("login-error")).getText()).startsWith("The server cannot be reached.");
	}

	@Test
	void theConsoleShowsADeviceSendsItTextAndPushesNewFirmware() throws Exception {
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			driver().get(url("/console/"));
			WebElement row = waitFor(By.cssSelector("#devices tr[data-device='box-kitchen']"));
			assertThat(row.getText()).contains("ESP32-S3-BOX-3").contains("127.0.0.1");

			new Select(driver().findElement(By.id("target"))).selectByValue("box-kitchen");
			driver().findElement(By.id("display-title")).sendKeys("Kitchen");
			driver().findElement(By.id("display-text")).sendKeys("Dinner is ready");
			driver().findElement(By.id("send-display")).click();
			assertThat(json.readTree(device.nextMessage())).isEqualTo(json
				.readTree("{\"cmd\":\"display\",\"data\":{\"title\":\"Kitchen\",\"text\":\"Dinner is ready\"}}"));
			assertThat(waitForText(By.id("commands-result"), "Sent to 1 of")).isTrue();

			Path firmware = Files.write(temp.resolve("box3-1.2.0.bin"), new byte[] { (byte) 0xE9, 1, 2, 3 });
			driver().findElement(By.id("firmware-file")).sendKeys(firmware.toString());
			driver().findElement(By.id("upload-button")).click();
			WebElement file = waitFor(By.cssSelector("#firmware-files li[data-firmware='box3-1.2.0.bin']"));
			new Select(driver().findElement(By.id("ota-target"))).selectByValue("box-kitchen");
			file.findElement(By.tagName("button")).click();
			chromium.waiting(PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
			JsonNode ota = json.readTree(device.nextMessage());
			assertThat(ota.get("cmd").asString()).isEqualTo("ota_start");
			assertThat(ota.get("ota_url").asString()).endsWith("/firmware/box3-1.2.0.bin");
			assertThat(
					Files.readAllBytes(CloudFakes.folder(WebappBrowserTest.class).resolve("firmware/box3-1.2.0.bin")))
				.containsExactly(0xE9, 1, 2, 3);
		}
	}

	@Test
	void theConsoleShowsRecentUtterancesWithTheirStageTimes() throws Exception {
		OpenAiSpeechStubs.transcriptionReturns(openAi, "What is the capital of France?");
		chat.answerText("capital of france", "Paris.");
		String token = json.readTree(postJson("/api/public/auth/login", "{\"password\":\"secret\"}").body())
			.get("token")
			.asString();
		HttpResponse<String> spoken = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/public/stt")))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(TestWavs.tonePcm(PcmFormat.SPEECH, 500, 300)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(spoken.statusCode()).isEqualTo(200);

		// Something in every section of the screenshot.
		assertThat(postJson("/api/internal/reminders",
				"{\"scheduled_at\": \"%d-06-01T08:00:00\", \"text\": \"Water the plants\"}".formatted(nextYear()))
			.statusCode()).isEqualTo(201);
		try (TestDevice device = TestDevice.connect(this.port).hello("box-living-room")) {
			driver().get(url("/console/"));
			WebElement row = waitFor(
					By.xpath("//table[@id='utterances']//tr[contains(., 'What is the capital of France?')]"));
			assertThat(row.getText()).contains("→ Paris.").contains("webapp:admin");
			assertThat(row.findElements(By.cssSelector(".stage")).stream().map((s) -> s.getDomAttribute("data-stage")))
				.contains("stt", "answered");
			waitFor(By.cssSelector("#devices tr[data-device='box-living-room']"));
			waitFor(By.xpath("//ul[@id='reminders']/li[contains(., 'Water the plants')]"));
			chromium.resize(1280, 1500);
			chromium.screenshot("console");
			chromium.resize(1280, 900);
		}
	}

	@Test
	void theConsoleTypesACommandAndSpeaksTheAnswerOnTheChosenDevice() throws Exception {
		chat.answerText("capital of italy", "Rome.");
		try (TestDevice device = TestDevice.connect(this.port).hello("box-kitchen")) {
			driver().get(url("/console/"));
			waitFor(By.cssSelector("#devices tr[data-device='box-kitchen']"));
			new Select(driver().findElement(By.id("chat-target"))).selectByValue("box-kitchen");
			driver().findElement(By.id("chat-command")).sendKeys("What is the capital of Italy?");
			driver().findElement(By.id("chat-send")).click();
			assertThat(waitForText(By.id("chat-result"), "Rome. (spoken on box-kitchen)")).isTrue();
			assertThat(json.readTree(device.nextMessage()).get("cmd").asString()).isEqualTo("listen");
			assertThat(speaker.plays()).hasSize(1);
			WebElement typed = waitFor(By.xpath(
					"//table[@id='utterances']//tr[@data-input='text'][contains(., 'What is the capital of Italy?')]"));
			assertThat(typed.getText()).contains("typed").contains("→ Rome.");
		}

		// Without a device the answer is only shown.
		speaker.reset();
		new Select(driver().findElement(By.id("chat-target"))).selectByValue("");
		chat.answerText("capital of spain", "Madrid.");
		driver().findElement(By.id("chat-command")).sendKeys("What is the capital of Spain?");
		driver().findElement(By.id("chat-send")).click();
		assertThat(waitForText(By.id("chat-result"), "Madrid.")).isTrue();
		assertThat(driver().findElement(By.id("chat-result")).getText()).isEqualTo("Madrid.");
		assertThat(speaker.plays()).isEmpty();
	}

	@Test
	void theConsoleShowsProviderHealthAndFailedUtterances() throws Exception {
		OpenAiSpeechStubs.transcriptionFails(openAi, OpenAiSpeechStubs.Failure.SERVER_ERROR);
		HttpResponse<String> failed = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/internal/stt")))
			.POST(HttpRequest.BodyPublishers.ofByteArray(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failed.statusCode()).isEqualTo(502);
		driver().get(url("/console/"));
		WebElement failure = waitFor(By.cssSelector("#utterances tr[data-failed-stage='stt'] .failure"));
		assertThat(failure.getText()).startsWith("✕ failed at stt: ");

		waitFor(By.cssSelector("#health tr[data-provider='audio-server'][data-status='UP']"));
		WebElement model = driver().findElement(By.cssSelector("#health tr[data-provider='model']"));
		assertThat(model.getDomAttribute("data-status")).isEqualTo("UP");
		assertThat(model.getText()).contains("openai").contains("reachable").contains("127.0.0.1:" + openAi.port());
		assertThat(driver().findElement(By.cssSelector("#health tr[data-provider='mqtt']")).getText())
			.contains("not configured")
			.contains("mqtt.url");
		// The weather is judged by its last call: before one it is only configured.
		assertThat(driver().findElement(By.cssSelector("#health tr[data-provider='weather'] .state")).getText())
			.isEqualTo("configured");
		assertThat(driver().findElement(By.id("health-status")).getText()).isEqualTo("server UP");
		// The household speaks en-US: its 12-hour clock, whatever the browser's language.
		assertThat(waitForText(By.id("updated"), "Updated")).isTrue();
		// (Chromium writes a narrow no-break space before AM/PM.)
		assertThat(driver().findElement(By.id("updated")).getText()).containsPattern("\\d{2}:\\d{2}:\\d{2}\\W*[AP]M$");
	}

	@Test
	void theConsoleListsRemindersAndDeletesOne() throws Exception {
		HttpResponse<String> created = postJson("/api/internal/reminders",
				"{\"scheduled_at\": \"%d-12-24T18:00:00\", \"text\": \"Buy a Christmas tree\"}".formatted(nextYear()));
		assertThat(created.statusCode()).isEqualTo(201);
		driver().get(url("/console/"));
		String id = json.readTree(created.body()).get("id").asString();
		By reminder = By.cssSelector("#reminders li[data-reminder='" + id + "']");
		assertThat(waitFor(reminder).getText()).contains(nextYear() + "-12-24 18:00").contains("Buy a Christmas tree");
		driver().findElement(reminder).findElement(By.tagName("button")).click();
		chromium.waiting(PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
		chromium.waiting(PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(reminder));
		assertThat(waitForText(By.id("reminders-result"), "Deleted \"Buy a Christmas tree\".")).isTrue();
		assertThat(get("/api/internal/reminders/" + id).statusCode()).isEqualTo(404);
	}

	private void transcriptsInTurn(String first, String second) {
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)).inScenario("conversation")
			.whenScenarioStateIs(STARTED)
			.willReturn(okJson("{\"text\": \"" + first + "\"}"))
			.willSetStateTo("second"));
		openAi.stubFor(post(urlPathEqualTo(OpenAiSpeechStubs.TRANSCRIPTIONS_PATH)).inScenario("conversation")
			.whenScenarioStateIs("second")
			.willReturn(okJson("{\"text\": \"" + second + "\"}")));
	}

	private void openLoggedOut() {
		driver().get(url("/alexa/"));
		chromium.script("localStorage.clear()");
		driver().navigate().refresh();
		waitFor(By.id("password"));
	}

	private void logIn(String password) {
		WebElement field = driver().findElement(By.id("password"));
		field.clear();
		field.sendKeys(password);
		driver().findElement(By.id("login-submit")).click();
	}

	private List<String> logTexts(String kind) {
		return driver().findElements(By.cssSelector("#log li[data-kind='" + kind + "'] .text"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private WebElement waitFor(By locator) {
		return chromium.waiting(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private boolean waitForText(By locator, String text) {
		return chromium.waiting(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	private WebElement body() {
		return driver().findElement(By.tagName("body"));
	}

	private WebDriver driver() {
		return chromium.driver();
	}

	private void postInternal(String path, String body) throws Exception {
		assertThat(postJson(path, body).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postJson(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/**
	 * The frequency of the loud parts of 16 kHz PCM, from the zero crossings inside its
	 * loud 10 ms windows: a wrong resampling ratio in the browser would shift it.
	 */
	private static double dominantHertz(byte[] pcm) {
		int window = 160;
		short[] samples = new short[pcm.length / 2];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
		}
		int crossings = 0;
		int loudWindows = 0;
		for (int start = 0; start + window <= samples.length; start += window) {
			double sum = 0;
			for (int i = start; i < start + window; i++) {
				sum += (double) samples[i] * samples[i];
			}
			if (Math.sqrt(sum / window) < 2000) {
				continue;
			}
			loudWindows++;
			for (int i = start + 1; i < start + window; i++) {
				if ((samples[i] >= 0) != (samples[i - 1] >= 0)) {
					crossings++;
				}
			}
		}
		double seconds = loudWindows * (window - 1) / 16000.0;
		return (loudWindows == 0) ? 0 : crossings / 2.0 / seconds;
	}

	// Reminders may be set at most ten years ahead.
	private static int nextYear() {
		return java.time.Year.now().getValue() + 1;
	}

}

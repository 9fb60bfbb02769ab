package com.homemadealexa.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.device.TestDevice;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LAN console of a Polish household on a phone, in a real headless Chromium whose own
 * language is English: the device table fits the screen, and times are 24-hour as the
 * household writes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleOnAPhoneBrowserTest {

	static final Duration PATIENCE = Duration.ofSeconds(15);

	@TempDir
	static Path temp;

	static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("assistant.language", () -> "pl-PL");
		registry.add("data.dir", () -> temp.resolve("data").toString());
		registry.add("firmware.dir", () -> temp.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> temp.resolve("audio_log").toString());
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		assertThat(HeadlessChromium.installed())
			.as("The browser tests need Debian's chromium and chromium-driver (./test installs them)")
			.isTrue();
		PcmFormat format = new PcmFormat(48000, 16, 1);
		Path silence = Files.write(temp.resolve("silence.wav"), TestWavs.wav(TestWavs.silencePcm(format, 500), format));
		chromium = HeadlessChromium.start(silence, Files.createDirectories(temp.resolve("profile")));
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theDeviceTableFitsAPhoneAndTimesAre24Hour() {
		try (TestDevice kitchen = TestDevice.connect(this.port).hello("box-living-room-upstairs");
				TestDevice hall = TestDevice.connect(this.port).hello("box-hall")) {
			chromium.resize(390, 844);
			chromium.driver().get("http://127.0.0.1:" + this.port + "/console/");
			WebElement row = chromium.waiting(PATIENCE)
				.until(ExpectedConditions
					.visibilityOfElementLocated(By.cssSelector("#devices tr[data-device='box-living-room-upstairs']")));
			chromium.waiting(PATIENCE)
				.until(ExpectedConditions
					.visibilityOfElementLocated(By.cssSelector("#devices tr[data-device='box-hall']")));

			long viewport = (Long) chromium.script("return document.documentElement.clientWidth");
			assertThat(viewport).isLessThanOrEqualTo(390);
			assertThat((Long) chromium.script("return document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo(viewport);
			assertThat((Boolean) chromium.script("const box = document.getElementById('devices').closest('.scroll');"
					+ " return box.scrollWidth <= box.clientWidth"))
				.as("the device table needs no sideways scrolling")
				.isTrue();
			assertThat((Boolean) chromium.script("return [...document.querySelectorAll('#devices td')]"
					+ ".every((td) => td.getBoundingClientRect().right <= document.documentElement.clientWidth)"))
				.isTrue();
			chromium.screenshot("console-phone");

			String connected = row.findElement(By.cssSelector("td[data-label='Connected']")).getText();
			assertThat(connected).containsPattern("\\(since \\d{2}:\\d{2}:\\d{2}\\)$").doesNotContainPattern("[AP]M");
		}
		finally {
			chromium.resize(1280, 900);
		}
	}

}

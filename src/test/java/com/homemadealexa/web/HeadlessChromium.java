package com.homemadealexa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium ({@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, as
 * Debian installs them) driven headless by Selenium, with a fake microphone that plays a
 * WAV file in a loop. Selenium Manager never runs: the driver's path is given, so nothing
 * is downloaded.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Screenshots go to the build folder, or to
	 * {@code -Dscreenshots.dir=docs/screenshots} to refresh the ones the README shows.
	 */
	private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
		this.service = service;
		this.driver = driver;
	}

	static boolean installed() {
		return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
	}

	/**
	 * @param microphone a WAV file the fake microphone plays, looping
	 * @param profile an empty folder for the browser's profile
	 */
	static HeadlessChromium start(Path microphone, Path profile) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=en-US", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
				"--use-file-for-fake-audio-capture=" + microphone, "--user-data-dir=" + profile,
				"--window-size=1280,900");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		try {
			return new HeadlessChromium(service, new ChromeDriver(service, options));
		}
		catch (RuntimeException ex) {
			service.stop();
			throw ex;
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(100));
		wait.withMessage(this::consoleLog);
		return wait;
	}

	Object script(String javaScript, Object... arguments) {
		return this.driver.executeScript(javaScript, arguments);
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves a PNG of the viewport as {@code name.png} and returns its path. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the page wrote to its console since the last call, to explain a failed wait.
	 */
	String consoleLog() {
		StringBuilder text = new StringBuilder("browser console:");
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			text.append('\n').append(entry.getLevel()).append(' ').append(entry.getMessage());
		}
		return text.toString();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
		}
	}

}

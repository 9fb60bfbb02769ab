package com.homemadealexa.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class SafeLogLinesTest {

	@TempDir
	Path folder;

	@Test
	void aValueWithLineBreaksStaysOnItsLine() {
		try (LogOutput output = new LogOutput(this.folder, 100)) {
			output.logger("device").info("Hello from {} ({})", "box\nERROR forged line\r\u2028x", "ESP32\u0085");
			assertThat(output.lines())
				.containsExactly("INFO Hello from box\\nERROR forged line\\r\\u2028x (ESP32\\u0085)");
		}
	}

	@Test
	void theProgramsOwnLineBreaksStay() {
		try (LogOutput output = new LogOutput(this.folder, 100)) {
			output.logger("boot").error("APPLICATION FAILED TO START\n\nDescription: {}", "bad key");
			assertThat(output.lines()).containsExactly("ERROR APPLICATION FAILED TO START", "", "Description: bad key");
		}
	}

	@Test
	void tokensInUrlsAreMasked() {
		try (LogOutput output = new LogOutput(this.folder, 100)) {
			output.logger("web").info("GET \"/ws/public?token=eyJhbGciOiJIUzI1NiJ9.e30.sig\", parameters={}", "masked");
			assertThat(output.lines()).containsExactly("INFO GET \"/ws/public?token=(hidden)\", parameters=masked");
		}
	}

	@Test
	void aThousandHellosWriteABoundedNumberOfLines() {
		try (LogOutput output = new LogOutput(this.folder, 20)) {
			Logger device = output.logger("device");
			for (int i = 0; i < 1000; i++) {
				device.info("Hello from {} ({}, {})", "box-" + i, "ESP32-S3-BOX-3", "192.168.1." + (i % 250));
			}
			output.logger("voice").info("Utterance {} transcribed", "u-1");
			List<String> lines = output.lines();
			assertThat(lines).hasSize(22);
			assertThat(lines).filteredOn((line) -> line.startsWith("INFO Hello from box-")).hasSize(20);
			assertThat(lines.get(20)).isEqualTo(
					"INFO Logging at most 20 lines like \"Hello from {} ({}, {})\" every 60 s; more are dropped");
			assertThat(lines.get(21)).as("other lines are not affected").isEqualTo("INFO Utterance u-1 transcribed");
		}
	}

	@Test
	void aLaterWindowWritesAgainAndSaysHowManyWereDropped() {
		try (LogOutput output = new LogOutput(this.folder, 2)) {
			AtomicLong now = new AtomicLong();
			output.filter().setNanoTime(now::get);
			Logger device = output.logger("device");
			for (int i = 0; i < 10; i++) {
				device.info("Hello from {}", "box-" + i);
			}
			now.addAndGet(61_000_000_000L);
			device.info("Hello from {}", "box-late");
			assertThat(output.lines()).containsExactly("INFO Hello from box-0", "INFO Hello from box-1",
					"INFO Logging at most 2 lines like \"Hello from {}\" every 60 s; more are dropped",
					"INFO 8 lines like \"Hello from {}\" were dropped in the last 60 s", "INFO Hello from box-late");
		}
	}

	@Test
	void linesBelowTheLevelAndLevelChecksDoNotCount() {
		try (LogOutput output = new LogOutput(this.folder, 2)) {
			Logger device = output.logger("device");
			for (int i = 0; i < 100; i++) {
				device.debug("Frame {}", i);
				device.isDebugEnabled();
			}
			device.info("Frame {}", "shown");
			assertThat(output.lines()).containsExactly("INFO Frame shown");
		}
	}

	@Test
	void theShippedConfigurationMakesConsoleAndFileLinesSafe() throws Exception {
		Path file = this.folder.resolve("logs").resolve("server.log");
		LoggerContext context = shippedConfiguration(file);
		try {
			assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNotNull();
			assertThat(context.getTurboFilterList()).hasAtLeastOneElementOfType(RepeatedLineFilter.class);
			context.getLogger("device").info("Hello from {}", "box\nERROR forged");
			assertThat(Files.readAllLines(file)).singleElement()
				.satisfies((line) -> assertThat(line).endsWith(": Hello from box\\nERROR forged"));
		}
		finally {
			context.stop();
		}
	}

	@Test
	void theShippedConfigurationWritesNoFileUnlessOneIsConfigured() throws Exception {
		LoggerContext context = shippedConfiguration(null);
		try {
			assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
			assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNull();
		}
		finally {
			context.stop();
		}
	}

	/**
	 * {@code logback-spring.xml} as Spring Boot runs it; LOG_FILE is what
	 * logging.file.name sets.
	 */
	private static LoggerContext shippedConfiguration(@Nullable Path logFile) throws Exception {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		if (logFile != null) {
			context.putProperty("LOG_FILE", logFile.toString());
		}
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(SafeLogLinesTest.class.getResource("/logback-spring.xml"));
		return context;
	}

}

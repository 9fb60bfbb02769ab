package com.homemadealexa.logging;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

}

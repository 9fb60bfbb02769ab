package com.homemadealexa.device;

import java.nio.file.Path;

import com.homemadealexa.HomemadeAlexaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that shuts down says so: its sockets close with 1001 (going away), not 1006.
 */
class DeviceShutdownTest {

	@TempDir
	Path data;

	@Test
	void devicesAndWebappTabsGetGoingAwayOnShutdown() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HomemadeAlexaApplication.class).run(
				"--server.port=0", "--data.dir=" + this.data.resolve("data"),
				"--firmware.dir=" + this.data.resolve("firmware"), "--audio.log-dir=" + this.data.resolve("audio_log"),
				"--spring.quartz.scheduler-name=device-shutdown-test");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (TestDevice device = TestDevice.connect(port).hello("box-leaving")) {
			Devices devices = context.getBean(Devices.class);
			org.awaitility.Awaitility.await().until(() -> devices.findByHostname("box-leaving").isPresent());
			context.close();
			assertThat(device.closeCode()).isEqualTo(1001);
		}
		finally {
			context.close();
		}
	}

}

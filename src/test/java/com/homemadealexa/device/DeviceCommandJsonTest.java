package com.homemadealexa.device;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceCommandJsonTest {

	private final DeviceCommandJson json = new DeviceCommandJson(JsonMapper.builder().build());

	@Test
	void writesEachCommandInTheDevicesWireFormat() {
		assertThat(this.json.write(new DeviceCommand.Listen())).isEqualTo("{\"cmd\":\"listen\"}");
		assertThat(this.json.write(new DeviceCommand.Idle())).isEqualTo("{\"cmd\":\"idle\"}");
		assertThat(this.json.write(new DeviceCommand.Restart())).isEqualTo("{\"cmd\":\"restart\"}");
		assertThat(this.json.write(new DeviceCommand.OtaStart("http://10.0.0.5:8080/firmware/x.bin")))
			.isEqualTo("{\"cmd\":\"ota_start\",\"ota_url\":\"http://10.0.0.5:8080/firmware/x.bin\"}");
		assertThat(this.json.write(new DeviceCommand.Display("Przypomnienie", "Wyłącz \"piekarnik\""))).isEqualTo(
				"{\"cmd\":\"display\",\"data\":{\"title\":\"Przypomnienie\",\"text\":\"Wyłącz \\\"piekarnik\\\"\"}}");
	}

	@Test
	void aDisplayThatFitsTheDeviceIsSentWhole() {
		DeviceCommand display = new DeviceCommand.Display("T", "x".repeat(4000));
		DeviceCommandJson.Frame frame = this.json.forDevice(display);
		assertThat(frame.truncated()).isFalse();
		assertThat(frame.text()).isEqualTo(this.json.write(display));
	}

	@Test
	void aLongDisplayIsShortenedToExactlyFitTheDevicesBuffer() {
		DeviceCommandJson.Frame frame = this.json.forDevice(new DeviceCommand.Display("T", "x".repeat(5000)));
		assertThat(frame.truncated()).isTrue();
		int bytes = frame.text().getBytes(StandardCharsets.UTF_8).length;
		assertThat(bytes).isLessThanOrEqualTo(DeviceCommandJson.DEVICE_FRAME_BYTES).isGreaterThan(4090);
		assertThat(frame.text()).endsWith("…\"}}");
	}

	@Test
	void escapingAndFourByteCharactersAreMeasuredAndNeverSplit() {
		String emoji = "\"🙂\\\n".repeat(2000);
		DeviceCommandJson.Frame frame = this.json.forDevice(new DeviceCommand.Display("", emoji));
		assertThat(frame.text().getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(DeviceCommandJson.DEVICE_FRAME_BYTES);
		assertThat(frame.text()).doesNotContain("?").endsWith("…\"}}");
	}

	@Test
	void aHugeTitleIsShortenedToo() {
		DeviceCommandJson.Frame frame = this.json
			.forDevice(new DeviceCommand.Display("ż".repeat(3000), "and the text"));
		assertThat(frame.truncated()).isTrue();
		assertThat(frame.text().getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(DeviceCommandJson.DEVICE_FRAME_BYTES);
	}

	@Test
	void browsersGetTheWholeText() {
		DeviceCommand display = new DeviceCommand.Display("T", "x".repeat(10_000));
		assertThat(this.json.write(display)).contains("x".repeat(10_000));
	}

}

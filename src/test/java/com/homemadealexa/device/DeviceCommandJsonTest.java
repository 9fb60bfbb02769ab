package com.homemadealexa.device;

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

}

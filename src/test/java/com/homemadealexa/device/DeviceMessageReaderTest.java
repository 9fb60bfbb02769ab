package com.homemadealexa.device;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceMessageReaderTest {

	private final DeviceMessageReader reader = new DeviceMessageReader(JsonMapper.builder().build());

	@Test
	void readsTheFirmwaresHello() {
		assertThat(this.reader.read(
				"{\"hello\": {\"hostname\": \"box-kitchen\", \"hw_type\": \"ESP32-S3-BOX-3\", \"mac_addr\": [72, 202, 67, 1, 2, 3]}}"))
			.isEqualTo(
					new DeviceMessage.Hello("box-kitchen", "ESP32-S3-BOX-3", java.util.List.of(72, 202, 67, 1, 2, 3)));
	}

	@Test
	void toleratesMissingOrOddHelloFields() {
		assertThat(this.reader.read("{\"hello\": {\"hostname\": 5, \"mac_addr\": \"48:ca:43:01:02:ff\"}}"))
			.isEqualTo(new DeviceMessage.Hello(null, null, java.util.List.of(0x48, 0xca, 0x43, 1, 2, 0xff)));
		assertThat(this.reader.read("{\"hello\": {\"mac_addr\": [1, \"x\"]}}"))
			.isEqualTo(new DeviceMessage.Hello(null, null, null));
	}

	@Test
	void readsTheWakeword() {
		assertThat(this.reader.read("{\"event\": \"wakeword\"}")).isInstanceOf(DeviceMessage.Wakeword.class);
	}

	@Test
	void setsApartUnknownAndMalformedFrames() {
		assertThat(this.reader.read("{\"event\": \"battery_low\"}")).isInstanceOf(DeviceMessage.Unknown.class);
		assertThat(this.reader.read("{\"hello\": \"box\"}")).isInstanceOf(DeviceMessage.Unknown.class);
		assertThat(this.reader.read("not json")).isInstanceOf(DeviceMessage.Malformed.class);
		assertThat(this.reader.read("[1, 2]")).isInstanceOf(DeviceMessage.Malformed.class);
		assertThat(this.reader.read("")).isInstanceOf(DeviceMessage.Malformed.class);
		assertThat(this.reader.read("{\"a\": ")).isInstanceOf(DeviceMessage.Malformed.class);
	}

}

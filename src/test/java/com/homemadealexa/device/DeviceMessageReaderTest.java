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

	@Test
	void readsThePrettyPrintedHelloOfTheFirmware() {
		String cjson = "{\n\t\"hello\":\t{\n\t\t\"hostname\":\t\"alexa-48ca43a1b2c3\",\n\t\t\"hw_type\":\t\"ESP32-S3-BOX-3\",\n"
				+ "\t\t\"mac_addr\":\t[72, 202, 67, 161, 178, 195]\n\t}\n}";
		assertThat(this.reader.read(cjson)).isEqualTo(new DeviceMessage.Hello("alexa-48ca43a1b2c3", "ESP32-S3-BOX-3",
				java.util.List.of(72, 202, 67, 161, 178, 195)));
	}

	@Test
	void namesLoseControlCharactersAndAreBounded() {
		DeviceMessage.Hello forged = (DeviceMessage.Hello) this.reader
			.read("{\"hello\": {\"hostname\": \"box\\n2026-12-01 INFO fake line\\u2028\", \"hw_type\": \"a\\rb\"}}");
		assertThat(forged.hostname()).isEqualTo("box2026-12-01 INFO fake line");
		assertThat(forged.hwType()).isEqualTo("ab");
		DeviceMessage.Hello huge = (DeviceMessage.Hello) this.reader
			.read("{\"hello\": {\"hostname\": \"" + "h".repeat(60_000) + "\"}}");
		assertThat(huge.hostname()).hasSize(DeviceMessageReader.MAX_NAME_CHARS);
		assertThat(((DeviceMessage.Hello) this.reader.read("{\"hello\": {\"hostname\": \"\\n\\t\"}}")).hostname())
			.isNull();
	}

	@Test
	void aMacOutOfRangeOrTooLongIsAbsent() {
		assertThat(
				((DeviceMessage.Hello) this.reader.read("{\"hello\": {\"mac_addr\": [1, 2, 3, 4, 5, 256]}}")).macAddr())
			.isNull();
		assertThat(
				((DeviceMessage.Hello) this.reader.read("{\"hello\": {\"mac_addr\": [1,2,3,4,5,6,7,8,9]}}")).macAddr())
			.isNull();
	}

}

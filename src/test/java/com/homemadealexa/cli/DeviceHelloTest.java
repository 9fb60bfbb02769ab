package com.homemadealexa.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeviceHelloTest {

	@Test
	void writesTheFirmwaresHelloByteForByteAsCJsonPrintsIt() {
		String hello = DeviceHello.of("alexa-48ca43a1b2c3").withMac(72, 202, 67, 161, 178, 195).firmwareJson();

		assertThat(hello).isEqualTo("{\n\t\"hello\":\t{\n\t\t\"hostname\":\t\"alexa-48ca43a1b2c3\",\n"
				+ "\t\t\"hw_type\":\t\"ESP32-S3-BOX-3\",\n\t\t\"mac_addr\":\t[72, 202, 67, 161, 178, 195]\n\t}\n}");
	}

	@Test
	void writesACompactHelloAndLeavesOutWhatIsNotGiven() {
		assertThat(DeviceHello.of("box-kitchen").withHwType("SIMULATOR").withMac(2, 90, 1, 2, 3, 4).json()).isEqualTo(
				"{\"hello\": {\"hostname\": \"box-kitchen\", \"hw_type\": \"SIMULATOR\", \"mac_addr\": [2, 90, 1, 2, 3, 4]}}");
		assertThat(DeviceHello.of("box-hall").json())
			.isEqualTo("{\"hello\": {\"hostname\": \"box-hall\", \"hw_type\": \"ESP32-S3-BOX-3\"}}");
		assertThat(DeviceHello.of("webapp-tab").withHwType(null).json())
			.isEqualTo("{\"hello\": {\"hostname\": \"webapp-tab\"}}");
	}

	@Test
	void escapesTheHostnameAsJson() {
		assertThat(DeviceHello.of("a \"box\"\n\\ żółw").withHwType(null).json())
			.isEqualTo("{\"hello\": {\"hostname\": \"a \\\"box\\\"\\n\\\\ żółw\"}}");
	}

	@Test
	void refusesAMacThatIsNotSixOctets() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> DeviceHello.of("box").withMac(1, 2, 3))
			.withMessageContaining("6 octets");
	}

}

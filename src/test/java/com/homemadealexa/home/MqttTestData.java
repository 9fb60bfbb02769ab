package com.homemadealexa.home;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.homemadealexa.home.MqttSettings.Device;
import com.homemadealexa.home.MqttSettings.Kind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The devices of the shipped config.toml, and a subscriber that records what reaches the
 * broker.
 */
final class MqttTestData {

	static final Device LAMP = new Device("lamp", Kind.LIGHT, "cmnd/tasmota_lamp/Power1", "ON", "OFF");

	static final Device DESK = new Device("desk lamp", Kind.LIGHT, "cmnd/tasmota_desk/Power1", "1", "0");

	static final Device TV = new Device("tv", Kind.TV, "tv/command", "{\"command\": \"power_on\"}",
			"{\"command\": \"power_off\"}");

	private MqttTestData() {
	}

	static MqttSettings settings(String url, List<Device> devices) {
		return new MqttSettings(url, "", "", "alexa-test", 2, devices);
	}

	static MqttSettings settings(String url) {
		return settings(url, List.of(LAMP, TV));
	}

	record Received(String topic, String payload) {

	}

	/**
	 * Listens to every topic.
	 */
	static final class Subscriber implements AutoCloseable {

		final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		private final MqttClient client;

		Subscriber(String url) throws MqttException {
			this.client = new MqttClient(url, "test-subscriber", new MemoryPersistence());
			this.client.connect();
			this.client.subscribe("#", 1, (topic, message) -> this.received
				.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8))));
		}

		@Override
		public void close() throws MqttException {
			this.client.disconnect();
			this.client.close();
		}

	}

}

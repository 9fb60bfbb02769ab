package com.homemadealexa.home;

/**
 * Sends commands to devices through the MQTT broker. Thread-safe.
 */
interface MqttPublisher {

	/**
	 * Publishes one message and waits until the broker has taken it, for at most the
	 * configured timeout; never longer, whatever state the broker is in.
	 * @throws DeviceUnreachableException when no broker is configured, it cannot be
	 * reached, or it did not acknowledge in time
	 */
	void publish(String topic, String payload);

}

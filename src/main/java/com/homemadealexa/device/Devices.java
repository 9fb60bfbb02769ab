package com.homemadealexa.device;

import java.util.List;
import java.util.Optional;

/**
 * The connected devices and the way to talk to them. Thread-safe. Sends never block on a
 * slow or dead socket: the command is queued for that connection.
 */
public interface Devices {

	/**
	 * @return every connected device, oldest connection first
	 */
	List<DeviceInfo> connected();

	/**
	 * @return the newest connection from this IP address
	 */
	Optional<DeviceInfo> findByAddress(String address);

	/**
	 * @return the newest connection that said hello with this hostname
	 */
	Optional<DeviceInfo> findByHostname(String hostname);

	/**
	 * Queues a command for one connection.
	 * @return whether the connection is still open and the command was queued
	 */
	boolean send(String connectionId, DeviceCommand command);

	/**
	 * Queues a command for every connected device.
	 * @return how many devices it was queued for
	 */
	int broadcast(DeviceCommand command);

}

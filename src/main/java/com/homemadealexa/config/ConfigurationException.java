package com.homemadealexa.config;

/**
 * A configuration mistake the user must fix; its message is one sentence that names the
 * key or file.
 */
public class ConfigurationException extends RuntimeException {

	public ConfigurationException(String message) {
		super(message);
	}

}

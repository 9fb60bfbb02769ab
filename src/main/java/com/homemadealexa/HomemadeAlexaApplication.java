package com.homemadealexa;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.homemadealexa.auth.HashPasswordCommand;
import com.homemadealexa.cli.ClientCommands;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HomemadeAlexaApplication {

	private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	public static void main(String[] args) {
		// Command-line tools run without starting the server.
		if (args.length > 0 && args[0].equals("hash-password")) {
			System.exit(HashPasswordCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && ClientCommands.handles(args[0])) {
			System.exit(ClientCommands.execute(args));
		}
		// Tomcat gives every WebSocket session read, write and encoding buffers of this
		// size (default 8 KiB), and splits a message larger than it into fragments. The
		// firmware reads at most 4096 bytes of a message and loses fragmented ones
		// (DEVICE.md), so 4 KiB sends every command it can take in one frame and costs
		// 12 KB less per connection (docs/performance.md, benchmark 6). Read once, when
		// Tomcat's WebSocket classes load, so it is set before the server starts.
		if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
			System.setProperty(TOMCAT_WEBSOCKET_BUFFER, "4096");
		}
		SpringApplication.run(HomemadeAlexaApplication.class, args);
	}

}

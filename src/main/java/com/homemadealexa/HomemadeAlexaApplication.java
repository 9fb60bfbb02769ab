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

	private static final String HTTP_CLIENT_KEEP_ALIVE = "jdk.httpclient.keepalive.timeout.h2";

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
		// The JDK HTTP client (under openai-java and Azure's voice) closes an idle
		// connection after 30 s by default, so an utterance a minute after the last one
		// would pay a new TCP and TLS handshake with the cloud provider. Its HTTP/2
		// connections (https: OpenAI, Azure) are kept 5 minutes, as okhttp kept them
		// before (docs/performance.md); plain HTTP/1.1 ones to local servers keep the
		// default. Read once, when the first JDK client is built.
		if (System.getProperty(HTTP_CLIENT_KEEP_ALIVE) == null) {
			System.setProperty(HTTP_CLIENT_KEEP_ALIVE, "300");
		}
		SpringApplication.run(HomemadeAlexaApplication.class, args);
	}

}

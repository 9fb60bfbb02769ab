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

	public static void main(String[] args) {
		// Command-line tools run without starting the server.
		if (args.length > 0 && args[0].equals("hash-password")) {
			System.exit(HashPasswordCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && ClientCommands.handles(args[0])) {
			System.exit(ClientCommands.execute(args));
		}
		SpringApplication.run(HomemadeAlexaApplication.class, args);
	}

}

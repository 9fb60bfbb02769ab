package com.homemadealexa.cli;

import java.io.PrintWriter;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client side of the jar: {@code ask}, {@code ask-multiple} and {@code device}. They
 * run without starting the server.
 */
@Command(name = "java -jar homemade-alexa-server.jar",
		description = "Client commands for a running Homemade Alexa server.")
public final class ClientCommands {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	private static final Set<String> NAMES = Set.of("ask", "ask-multiple", "device");

	private ClientCommands() {
	}

	/**
	 * @param command the first command-line argument
	 * @return whether it names one of these commands
	 */
	public static boolean handles(String command) {
		return NAMES.contains(command);
	}

	/**
	 * Runs a command on the process's terminal and standard streams.
	 * @param args the whole command line, starting with the command's name
	 * @return the process exit code: 0 when it worked, 1 when it failed, 2 for bad usage
	 */
	public static int execute(String... args) {
		return execute(Terminal.system(), args);
	}

	static int execute(Terminal terminal, String... args) {
		CommandLine cli = new CommandLine(new ClientCommands());
		cli.addSubcommand(new AskCommand(terminal));
		cli.addSubcommand(new AskMultipleCommand(terminal));
		cli.addSubcommand(new DeviceSimulatorCommand(terminal));
		cli.setOut(new PrintWriter(terminal.out(), true));
		cli.setErr(new PrintWriter(terminal.err(), true));
		cli.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof CliException) {
				terminal.err().println("error: " + ex.getMessage());
				return 1;
			}
			throw ex;
		});
		return cli.execute(args);
	}

}

package com.homemadealexa.cli;

import java.io.PrintWriter;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The commands of the jar that are not the server: {@code ask}, {@code ask-multiple},
 * {@code device}, {@code audio-server}, and {@code help} (also {@code -h},
 * {@code --help}), which lists every command. They run without starting the server.
 */
@Command(name = "./alexa",
		customSynopsis = { "./alexa [--config=PATH]      runs the server",
				"       ./alexa COMMAND [OPTIONS]   runs a command (add --help for its options)" },
		description = { "", "The Homemade Alexa server, its command-line client and its audio server.",
				"The server reads ./config.toml, else $ALEXA_CONFIG, else --config=PATH; "
						+ "./alexa is java -jar target/homemade-alexa-server.jar on a JDK 21+." },
		commandListHeading = "%nCommands:%n")
public final class ClientCommands {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	private static final Set<String> NAMES = Set.of("ask", "ask-multiple", "device", "audio-server", "help", "-h",
			"--help");

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
		cli.addSubcommand(new AudioServerCommand(terminal));
		// Run by the main class before these commands; listed here so that help shows it.
		cli.addSubcommand("hash-password",
				CommandLine.Model.CommandSpec.create()
					.usageMessage(new CommandLine.Model.UsageMessageSpec()
						.description("Prints the bcrypt hash of a password for [auth] password_hash.")));
		cli.setOut(new PrintWriter(terminal.out(), true));
		cli.setErr(new PrintWriter(terminal.err(), true));
		cli.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof CliException) {
				terminal.err().println("error: " + ex.getMessage());
				return 1;
			}
			throw ex;
		});
		if (args.length > 0 && args[0].equals("help")) {
			args = new String[] { "--help" };
		}
		return cli.execute(args);
	}

}

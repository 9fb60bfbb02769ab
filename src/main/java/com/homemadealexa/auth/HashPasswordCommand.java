package com.homemadealexa.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.mindrot.jbcrypt.BCrypt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hash-password}: prints the bcrypt hash for {@code [auth] password_hash}. Runs
 * without Spring. The password comes from {@code --password=...}, else from the terminal
 * without echo (asked twice), else as one line of standard input.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
		description = "Prints the bcrypt hash of a password for [auth] password_hash in config.toml.")
public final class HashPasswordCommand implements Callable<Integer> {

	/** Same cost as Python's bcrypt, whose hashes this one replaces. */
	static final int COST = 12;

	@Option(names = "--password", description = "The password (else it is read from the terminal or stdin).")
	private @Nullable String password;

	private final @Nullable Console console;

	private final InputStream in;

	private final PrintStream out;

	private final PrintStream err;

	HashPasswordCommand(@Nullable Console console, InputStream in, PrintStream out, PrintStream err) {
		this.console = console;
		this.in = in;
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs the command on the process's terminal and standard streams.
	 * @param args the arguments after {@code hash-password}
	 * @return the process exit code
	 */
	public static int execute(String... args) {
		Console console = System.console();
		HashPasswordCommand command = new HashPasswordCommand(isTerminal(console) ? console : null, System.in,
				System.out, System.err);
		return new CommandLine(command).execute(args);
	}

	@Override
	public Integer call() throws IOException {
		char[] secret = read();
		if (secret == null) {
			return 1;
		}
		try {
			if (secret.length == 0) {
				this.err.println("The password is empty; nothing to hash.");
				return 1;
			}
			this.out.println(BCrypt.hashpw(new String(secret), BCrypt.gensalt(COST)));
			return 0;
		}
		finally {
			Arrays.fill(secret, '\0');
		}
	}

	private char @Nullable [] read() throws IOException {
		if (this.password != null) {
			return this.password.toCharArray();
		}
		if (this.console != null) {
			char[] first = this.console.readPassword("Password: ");
			char[] second = this.console.readPassword("Again: ");
			if (first == null || !Arrays.equals(first, second)) {
				this.err.println("The passwords differ; nothing was hashed.");
				return null;
			}
			return first;
		}
		String line = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8)).readLine();
		return (line != null) ? line.toCharArray() : new char[0];
	}

	/**
	 * Since Java 22 {@code System.console()} also exists when the streams are redirected;
	 * then the password is piped in and is read as a line. {@code Console.isTerminal()}
	 * is called reflectively because the code is compiled for Java 21.
	 */
	private static boolean isTerminal(@Nullable Console console) {
		if (console == null) {
			return false;
		}
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

}

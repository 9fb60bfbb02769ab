package com.homemadealexa.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What a command talks to: its output streams, the environment and, for password prompts,
 * the terminal. Tests pass their own.
 *
 * @param out results
 * @param err errors and progress
 * @param env environment variables by name (null when unset)
 * @param console the interactive terminal, or null when there is none
 */
record Terminal(PrintStream out, PrintStream err, Function<String, @Nullable String> env, @Nullable Console console) {

	static Terminal system() {
		Console console = System.console();
		return new Terminal(System.out, System.err, System::getenv, isTerminal(console) ? console : null);
	}

	/**
	 * Since Java 22 {@code System.console()} also exists when the streams are redirected;
	 * {@code Console.isTerminal()} is called reflectively because the code is compiled
	 * for Java 21.
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

package com.homemadealexa.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that say which server to talk to and as whom, shared by {@code ask} and
 * {@code ask-multiple}.
 */
final class ServerOptions {

	@Option(names = "--server", paramLabel = "URL", defaultValue = "${env:ALEXA_SERVER:-http://localhost:8080}",
			description = "The server's base URL (default: $ALEXA_SERVER, else ${DEFAULT-VALUE}).")
	@Nullable URI server;

	@Option(names = "--user", paramLabel = "NAME", defaultValue = "admin",
			description = "The webapp user (default: ${DEFAULT-VALUE}).")
	String user = "admin";

	@Option(names = "--password", paramLabel = "PASSWORD",
			description = "The password; better set ALEXA_PASSWORD, else it is asked for when a login is needed.")
	@Nullable String password;

	@Option(names = "--token-cache", paramLabel = "FILE",
			description = "Where the login token is kept (default: ~/.cache/homemade-alexa/token.json).")
	@Nullable Path tokenCache;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
			description = "Longest wait for one answer (default: ${DEFAULT-VALUE}).")
	int timeoutSeconds = 60;

	URI server() {
		URI uri = (this.server != null) ? this.server : URI.create("http://localhost:8080");
		if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
			throw new CliException("--server must be an http:// or https:// URL, not '" + uri + "'");
		}
		String text = uri.toString();
		return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
	}

	AlexaClient client(Terminal terminal) {
		URI base = server();
		return new AlexaClient(AlexaClient.httpClient(Duration.ofSeconds(10)), base, this.user,
				() -> password(terminal, base), new TokenCache(tokenCacheFile(terminal)),
				Duration.ofSeconds(this.timeoutSeconds), Clock.systemUTC());
	}

	Path tokenCacheFile(Terminal terminal) {
		return (this.tokenCache != null) ? this.tokenCache
				: TokenCache.defaultFile(terminal.env().apply("XDG_CACHE_HOME"));
	}

	private char @Nullable [] password(Terminal terminal, URI base) {
		if (this.password != null) {
			return this.password.toCharArray();
		}
		String fromEnvironment = terminal.env().apply("ALEXA_PASSWORD");
		if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
			return fromEnvironment.toCharArray();
		}
		if (terminal.console() != null) {
			return terminal.console().readPassword("Password for %s at %s: ", this.user, base);
		}
		return null;
	}

}

package com.homemadealexa.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.homemadealexa.audioserver.AudioServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audio-server [--port 1234] [--device NAME]}: the speaker side. Runs until
 * interrupted.
 */
@Command(name = "audio-server",
		description = { "Plays the server's answers on this machine's sound card: POST /api/play with a WAV, "
				+ "POST /api/abort. Run it on the machine the speaker is plugged into (needs Debian's alsa-utils), "
				+ "and set [audio_server] url = \"http://THIS-MACHINE:PORT\" in the server's config.toml." })
final class AudioServerCommand implements Callable<Integer> {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	@Option(names = "--port", paramLabel = "PORT", defaultValue = "1234",
			description = "Port to listen on (default: ${DEFAULT-VALUE}).")
	int port = 1234;

	@Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
			description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
	String host = "0.0.0.0";

	@Option(names = "--device", paramLabel = "NAME",
			description = "ALSA device to play on, as aplay -D takes it (see aplay -L); default: ALSA's default.")
	@Nullable String device;

	private final Terminal terminal;

	AudioServerCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() throws InterruptedException {
		if (this.port < 0 || this.port > 65535) {
			throw new CliException("--port must be between 0 and 65535 (it is " + this.port + ").");
		}
		AudioServer server;
		try {
			server = AudioServer.start(new InetSocketAddress(this.host, this.port), this.device);
		}
		catch (IOException ex) {
			throw new CliException("cannot listen on " + this.host + ":" + this.port + ": " + ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new CliException(ex.getMessage());
		}
		this.terminal.err()
			.println("Audio server on port " + server.port() + "; in the server's config.toml: [audio_server] url = "
					+ "\"http://THIS-MACHINE:" + server.port() + "\". Ctrl-C stops it.");
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}));
		stopped.await();
		return 0;
	}

}

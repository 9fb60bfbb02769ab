package com.homemadealexa.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.homemadealexa.audio.PcmFormat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code device --name box-1}: runs a {@link SimulatedDevice} and prints what it does,
 * until interrupted (or, with {@code --once}, until its utterance is answered).
 */
@Command(name = "device",
		description = {
				"Simulates an ESP32 device on the device protocol: connects to /ws/internal, prints every "
						+ "command it gets, downloads firmware on ota_start, reconnects on restart.",
				"With --speak it streams a recording to /api/internal/stt in real time, like the device." })
final class DeviceSimulatorCommand implements java.util.concurrent.Callable<Integer> {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	private final Terminal terminal;

	@Option(names = "--name", paramLabel = "HOSTNAME", defaultValue = "box-simulator",
			description = "The hostname in the hello (default: ${DEFAULT-VALUE}).")
	String name = "box-simulator";

	@Option(names = "--server", paramLabel = "URL", defaultValue = "${env:ALEXA_SERVER:-http://localhost:8080}",
			description = "The server's base URL (default: $ALEXA_SERVER, else ${DEFAULT-VALUE}).")
	@Nullable URI server;

	@Option(names = "--wakeword", description = "Send the wake word first.")
	boolean wakeword;

	@Option(names = "--speak", paramLabel = "FILE.wav", description = "Say this recording (any WAV).")
	@Nullable Path speak;

	@Option(names = "--once",
			description = "Exit once the utterance is answered (listen or idle), instead of running until Ctrl-C.")
	boolean once;

	@Option(names = "--reconnect-seconds", paramLabel = "SECONDS", defaultValue = "10",
			description = "Wait before reconnecting after a drop (default: ${DEFAULT-VALUE}, like the firmware).")
	double reconnectSeconds = 10;

	DeviceSimulatorCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() throws InterruptedException {
		byte[] pcm = (this.speak != null) ? SpeechFile.readPcm(this.speak) : null;
		URI base = baseUrl();
		BlockingQueue<SimulatorEvent> answers = new LinkedBlockingQueue<>();
		SimulatedDevice device = SimulatedDevice.builder(base, this.name)
			.reconnectDelay(Duration.ofMillis(Math.round(this.reconnectSeconds * 1000)))
			.keepEvents(false)
			.listener((event) -> {
				print(describe(event));
				if (event instanceof SimulatorEvent.Listen || event instanceof SimulatorEvent.Idle) {
					answers.add(event);
				}
			})
			.connect();
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			device.close();
			stopped.countDown();
		});
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			if (this.wakeword) {
				device.wakeword();
				print("→ wakeword");
			}
			if (pcm != null) {
				say(device, pcm, answers);
			}
			if (this.once) {
				return 0;
			}
			print("Running; Ctrl-C to stop.");
			stopped.await();
			return 0;
		}
		finally {
			if (this.once) {
				Runtime.getRuntime().removeShutdownHook(hook);
				device.close();
			}
		}
	}

	private void say(SimulatedDevice device, byte[] pcm, BlockingQueue<SimulatorEvent> answers)
			throws InterruptedException {
		print("→ speaking " + this.speak + " ("
				+ ReplyFiles.seconds(Duration.ofNanos(pcm.length * 1_000_000_000L / PcmFormat.SPEECH.bytesPerSecond()))
				+ ")");
		SimulatedDevice.Utterance utterance = device.speak(pcm);
		if (utterance.status() != 200) {
			print("STT error (" + utterance.error() + ")");
			return;
		}
		print("Heard: " + (utterance.transcript().isEmpty() ? "(nothing)" : utterance.transcript()) + " (answered "
				+ ReplyFiles.seconds(utterance.answerWait()) + " after the end of speech)");
		if (this.once && !utterance.transcript().isEmpty() && answers.poll(60, TimeUnit.SECONDS) == null) {
			print("No listen or idle within 60 s");
		}
	}

	private URI baseUrl() {
		URI uri = (this.server != null) ? this.server : URI.create("http://localhost:8080");
		if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
			throw new CliException("--server must be an http:// or https:// URL, not '" + uri + "'");
		}
		return uri;
	}

	private static String describe(SimulatorEvent event) {
		return switch (event) {
			case SimulatorEvent.Connected connected ->
				(connected.connection() == 1) ? "Connected; hello sent" : "Reconnected; hello sent";
			case SimulatorEvent.Disconnected dropped ->
				"Disconnected (" + dropped.code() + " " + dropped.reason() + "); reconnecting";
			case SimulatorEvent.ConnectFailed failed -> "Reconnect failed: " + failed.reason();
			case SimulatorEvent.Listen listen -> "← listen (the device records again)";
			case SimulatorEvent.Idle idle -> "← idle";
			case SimulatorEvent.Display display ->
				"← display: " + (display.title().isEmpty() ? "" : "[" + display.title() + "] ") + display.text();
			case SimulatorEvent.OtaStarted ota -> "← ota_start " + ota.url();
			case SimulatorEvent.OtaDownloaded ota -> "OTA: downloaded " + ota.bytes() + " bytes; rebooting";
			case SimulatorEvent.OtaFailed ota -> "OTA failed: " + ota.reason();
			case SimulatorEvent.Restarting restart -> "← restart; rebooting";
			case SimulatorEvent.Unrecognised frame -> "← (ignored) " + frame.frame();
		};
	}

	private void print(String line) {
		synchronized (this.terminal) {
			this.terminal.out().println("[" + this.name + "] " + line);
		}
	}

}

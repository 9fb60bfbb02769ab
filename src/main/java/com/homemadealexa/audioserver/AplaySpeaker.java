package com.homemadealexa.audioserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays WAVs through ALSA with one {@code aplay -v [-D device] -} process at a time, the
 * WAV piped to its standard input. A play returns once aplay has set the sound card up
 * (its verbose output prints the PCM setup, "Its setup is:", right before the first
 * samples are written), so the caller knows the sound is coming out. A new play kills the
 * one playing; {@link #stop} kills it at once (SIGKILL: ALSA drops what is buffered).
 * Thread-safe: calls are serialised.
 */
final class AplaySpeaker {

	private static final Logger log = LoggerFactory.getLogger(AplaySpeaker.class);

	/** aplay -v prints this line once the device is open and configured. */
	private static final String STARTED_MARKER = "Its setup is:";

	private final String aplay;

	private final @Nullable String device;

	private final Map<String, String> environment;

	private final Duration startTimeout;

	private @Nullable Playback current;

	/**
	 * @param aplay the aplay executable
	 * @param device ALSA device name ({@code -D}), or null for ALSA's default
	 * @param environment variables added to aplay's environment (e.g.
	 * {@code ALSA_CONFIG_PATH})
	 * @param startTimeout longest wait for the sound card to start playing
	 */
	AplaySpeaker(String aplay, @Nullable String device, Map<String, String> environment, Duration startTimeout) {
		this.aplay = aplay;
		this.device = device;
		this.environment = Map.copyOf(environment);
		this.startTimeout = startTimeout;
	}

	/** The ALSA device played on, as the log should name it. */
	String deviceName() {
		return (this.device != null) ? this.device : "default";
	}

	/**
	 * Checks that aplay can be run at all.
	 * @throws SoundCardException when it is not installed
	 */
	void requireAplay() throws SoundCardException {
		try {
			Process version = new ProcessBuilder(this.aplay, "--version").redirectErrorStream(true).start();
			version.getInputStream().transferTo(OutputStream.nullOutputStream());
			if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
				throw new SoundCardException(SoundCardException.Reason.FAILED, this.aplay + " --version failed.");
			}
		}
		catch (IOException ex) {
			throw new SoundCardException(SoundCardException.Reason.MISSING,
					"Cannot run " + this.aplay + ": install Debian's alsa-utils (apt-get install alsa-utils).");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SoundCardException(SoundCardException.Reason.FAILED, "Interrupted while checking aplay.");
		}
	}

	/**
	 * Stops what is playing, then starts this WAV.
	 * @param wav a WAV that {@link WavHeader#read} accepted
	 * @throws SoundCardException when the card is missing or busy, or aplay does not
	 * start within the start timeout
	 */
	synchronized void play(byte[] wav) throws SoundCardException {
		stopCurrent();
		Playback playback = Playback.start(command(), this.environment, wav);
		this.current = playback;
		try {
			playback.started.get(this.startTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			stopCurrent();
			throw new SoundCardException(SoundCardException.Reason.FAILED, "The sound card " + deviceName()
					+ " did not start playing within " + this.startTimeout.toSeconds() + " s.");
		}
		catch (ExecutionException ex) {
			this.current = null;
			throw (ex.getCause() instanceof SoundCardException failure) ? failure
					: new SoundCardException(SoundCardException.Reason.FAILED, String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopCurrent();
			throw new SoundCardException(SoundCardException.Reason.FAILED, "Interrupted while starting to play.");
		}
	}

	/**
	 * Stops the sound at once.
	 * @return whether something was playing
	 */
	synchronized boolean stop() {
		return stopCurrent();
	}

	private boolean stopCurrent() {
		Playback playback = this.current;
		this.current = null;
		return playback != null && playback.kill();
	}

	private List<String> command() {
		List<String> command = new ArrayList<>(List.of(this.aplay, "-v"));
		if (this.device != null) {
			command.add("-D");
			command.add(this.device);
		}
		command.add("-");
		return command;
	}

	/** One aplay process and what it said. */
	private static final class Playback {

		private final Process process;

		private final CompletableFuture<Void> started = new CompletableFuture<>();

		private final Deque<String> lastLines = new ArrayDeque<>();

		private Playback(Process process) {
			this.process = process;
		}

		static Playback start(List<String> command, Map<String, String> environment, byte[] wav)
				throws SoundCardException {
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().putAll(environment);
			Process process;
			try {
				process = builder.start();
			}
			catch (IOException ex) {
				throw new SoundCardException(SoundCardException.Reason.MISSING,
						"Cannot run " + command.get(0) + ": " + ex.getMessage());
			}
			Playback playback = new Playback(process);
			Thread.ofVirtual().name("aplay-stdin-" + process.pid()).start(() -> playback.feed(wav));
			Thread.ofVirtual().name("aplay-stderr-" + process.pid()).start(playback::watch);
			return playback;
		}

		private void feed(byte[] wav) {
			try (OutputStream in = this.process.getOutputStream()) {
				in.write(wav);
			}
			catch (IOException ex) {
				// aplay was stopped, or failed and says why on its standard error.
			}
		}

		private void watch() {
			try (BufferedReader err = new BufferedReader(
					new InputStreamReader(this.process.getErrorStream(), StandardCharsets.UTF_8))) {
				for (String line = err.readLine(); line != null; line = err.readLine()) {
					remember(line);
					if (line.contains(STARTED_MARKER)) {
						this.started.complete(null);
					}
				}
			}
			catch (IOException ex) {
				// The process is gone; its exit code tells the rest.
			}
			int exit = waitForExit();
			if (!this.started.isDone()) {
				this.started.completeExceptionally(failure(exit));
			}
			else if (exit == 0) {
				log.info("Playback ended (aplay pid {})", this.process.pid());
			}
		}

		private synchronized void remember(String line) {
			if (this.lastLines.size() == 20) {
				this.lastLines.removeFirst();
			}
			this.lastLines.addLast(line);
		}

		private int waitForExit() {
			try {
				return this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}

		private synchronized SoundCardException failure(int exit) {
			String said = this.lastLines.stream()
				.filter((line) -> line.startsWith("aplay:") || line.startsWith("ALSA lib"))
				.reduce((first, second) -> second)
				.orElse("aplay exited with code " + exit);
			String all = String.join("\n", this.lastLines);
			if (all.contains("Device or resource busy")) {
				return new SoundCardException(SoundCardException.Reason.BUSY,
						"The sound card is busy (another program is playing on it): " + said);
			}
			if (all.contains("No such file or directory") || all.contains("no soundcards found")
					|| all.contains("Unknown PCM") || all.contains("No such device")
					|| all.contains("Cannot get card index")) {
				return new SoundCardException(SoundCardException.Reason.MISSING,
						"The sound card was not found (check --device and aplay -L): " + said);
			}
			return new SoundCardException(SoundCardException.Reason.FAILED, "aplay could not play: " + said);
		}

		/**
		 * @return whether it was still playing
		 */
		boolean kill() {
			boolean alive = this.process.isAlive();
			this.process.destroyForcibly();
			try {
				// The card is free again only once the process is gone.
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return alive;
		}

	}

}

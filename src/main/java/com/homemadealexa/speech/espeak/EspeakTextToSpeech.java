package com.homemadealexa.speech.espeak;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.TextToSpeech;

/**
 * The offline voice: runs {@code espeak-ng -v <voice> -b 1 --stdin --stdout} without a
 * shell, writes the phrase to its standard input (so no phrase can be taken for an
 * option) and converts the WAV it prints to 16 kHz mono. Robotic, but it needs no network
 * and no key, which makes it the fallback of every cloud voice. Thread-safe: one process
 * per phrase, and at most one process per core at once (a long answer with a failing
 * cloud voice used to start two dozen at a time); the others wait their turn.
 */
public class EspeakTextToSpeech implements TextToSpeech {

	private static final int MAX_ERROR_LENGTH = 200;

	private static final Semaphore processes = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()),
			true);

	private final String command;

	private final Duration timeout;

	/**
	 * @param timeout longest run of one espeak-ng process
	 */
	public EspeakTextToSpeech(Duration timeout) {
		this("espeak-ng", timeout);
	}

	EspeakTextToSpeech(String command, Duration timeout) {
		this.command = command;
		this.timeout = timeout;
	}

	@Override
	public byte[] synthesize(String text, Locale locale) {
		try {
			if (!processes.tryAcquire(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new SpeechException(
						"espeak-ng is busy: no free process slot within " + this.timeout.toSeconds() + " s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SpeechException("espeak-ng was interrupted", ex);
		}
		try {
			return synthesizeAlone(text, locale);
		}
		finally {
			processes.release();
		}
	}

	private byte[] synthesizeAlone(String text, Locale locale) {
		Process process = start(voice(locale));
		try (ExecutorService pipes = Executors.newVirtualThreadPerTaskExecutor()) {
			try {
				return Wav.toSpeechWav(run(process, text, pipes));
			}
			finally {
				// Before the executor closes: its readers end only when the process is
				// gone.
				process.destroyForcibly();
			}
		}
		catch (InvalidAudioException ex) {
			throw new SpeechException("espeak-ng printed something that is not a WAV: " + ex.getMessage(), ex);
		}
	}

	private byte[] run(Process process, String text, ExecutorService pipes) {
		try {
			// Drain both outputs while writing the input, or a full pipe would block
			// espeak.
			Future<byte[]> stdout = pipes.submit(() -> process.getInputStream().readAllBytes());
			Future<byte[]> stderr = pipes.submit(() -> process.getErrorStream().readAllBytes());
			@Nullable IOException writeFailure = null;
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(text.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// The process quit early (broken pipe): its exit code tells why.
				writeFailure = ex;
			}
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new SpeechException("espeak-ng timed out after " + this.timeout.toSeconds() + " s");
			}
			if (process.exitValue() != 0) {
				throw new SpeechException(
						"espeak-ng failed with exit code " + process.exitValue() + ": " + firstLine(stderr.get()));
			}
			if (writeFailure != null) {
				throw writeFailure;
			}
			return stdout.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SpeechException("espeak-ng was interrupted", ex);
		}
		catch (IOException | ExecutionException ex) {
			throw new SpeechException("espeak-ng broke off: " + ex.getMessage(), ex);
		}
	}

	private Process start(String voice) {
		List<String> arguments = List.of(this.command, "-v", voice, "-b", "1", "--stdin", "--stdout");
		try {
			return new ProcessBuilder(arguments).start();
		}
		catch (IOException ex) {
			throw new SpeechException("espeak-ng is not installed (cannot run '" + this.command
					+ "'): install the espeak-ng package for the offline voice", ex);
		}
	}

	/** espeak-ng voice names: {@code pl}, {@code en-us}, {@code en-gb}, ... */
	static String voice(Locale locale) {
		String language = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
		if ("en".equals(language)) {
			return "GB".equals(locale.getCountry()) ? "en-gb" : "en-us";
		}
		return language;
	}

	private static String firstLine(byte[] stderr) {
		String text = new String(stderr, StandardCharsets.UTF_8).strip();
		String line = text.isEmpty() ? "(no message)" : text.lines().findFirst().orElse("");
		return (line.length() > MAX_ERROR_LENGTH) ? line.substring(0, MAX_ERROR_LENGTH) : line;
	}

}

package com.homemadealexa.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.homemadealexa.audio.PcmFormat;
import tools.jackson.databind.JsonNode;

/**
 * A simulated device's microphone: streams an utterance to {@code /api/internal/stt} as
 * chunked PCM, paced like speech, and waits for the transcript, like the firmware.
 */
final class SpeechUpload {

	/** How long the device waits for the answer to an utterance, like the firmware. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration CHUNK = Duration.ofMillis(100);

	private final URI server;

	private final HttpClient http;

	SpeechUpload(URI server, HttpClient http) {
		this.server = server;
		this.http = http;
	}

	/** See {@link SimulatedDevice#speak(byte[], PcmFormat, boolean)}. */
	SimulatedDevice.Utterance speak(byte[] pcm, PcmFormat format, boolean realTime) {
		PacedPcmStream body = new PacedPcmStream(pcm, format.bytesPerSecond(), CHUNK, realTime);
		Duration audio = Duration.ofNanos(pcm.length * 1_000_000_000L / format.bytesPerSecond());
		HttpRequest request = HttpRequest.newBuilder(this.server.resolve("/api/internal/stt"))
			.timeout(audio.plus(ANSWER_TIMEOUT))
			.header("x-audio-codec", "pcm")
			.header("x-audio-sample-rate", Integer.toString(format.sampleRate()))
			.header("x-audio-bits", Integer.toString(format.bits()))
			.header("x-audio-channel", Integer.toString(format.channels()))
			// A stream of unknown length is sent chunked, like the firmware does.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw ServerResponses.unreachable(this.server, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted", ex);
		}
		long answered = System.nanoTime();
		long endOfSpeech = (body.endOfSpeech() > 0) ? body.endOfSpeech() : answered;
		Duration upload = Duration.ofNanos(endOfSpeech - started);
		Duration wait = Duration.ofNanos(answered - endOfSpeech);
		if (response.statusCode() != 200) {
			return new SimulatedDevice.Utterance(response.statusCode(), null, ServerResponses.problem(response), upload,
					wait, endOfSpeech);
		}
		JsonNode command = ServerResponses.jsonBody(response).get("command");
		String transcript = (command != null && command.isString()) ? command.asString() : "";
		return new SimulatedDevice.Utterance(200, transcript, null, upload, wait, endOfSpeech);
	}

}

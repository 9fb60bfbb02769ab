package com.homemadealexa.speech.wyoming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.llm.ConnectionRetry;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechToText;
import com.homemadealexa.speech.Transcription;
import com.homemadealexa.speech.WyomingSettings;

/**
 * Speech-to-text through a Wyoming service (faster-whisper, Vosk, whisper.cpp),
 * streaming: the connection opens with the transcription ({@code transcribe} with the
 * household's language, {@code audio-start}), each pushed piece of audio is sent at once
 * as an {@code audio-chunk}, and {@link Transcription#finish()} sends {@code audio-stop}
 * and waits for the {@code transcript}. 16-bit audio is streamed in the device's own
 * format (the services convert it); any other width is buffered and sent as 16 kHz,
 * 16-bit mono when the audio ends.
 *
 * <p>
 * A connection that is refused or reset before the transcript is tried once more, on a
 * new connection that gets the whole recording, within {@code speech.timeout_seconds}. A
 * timeout, a service that closes the connection, answers an {@code error} or sends an
 * event out of order fails the transcription with a {@link SpeechException} naming the
 * cause. Thread-safe; each transcription holds its own connection until closed.
 */
public class WyomingSpeechToText implements SpeechToText {

	static final String WHAT = "Wyoming speech-to-text";

	/** Events of other exchanges: one of them here means the service is confused. */
	private static final Set<String> OUT_OF_PLACE = Set.of("audio-start", "audio-chunk", "audio-stop", "synthesize",
			"synthesize-start", "synthesize-chunk", "synthesize-stop", "synthesize-stopped", "describe", "info",
			"transcribe");

	/** Bounds a service that keeps sending events it should not. */
	private static final int MAX_EVENTS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(WyomingSpeechToText.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WyomingAddress address;

	private final String model;

	private final String language;

	private final Duration timeout;

	/**
	 * @param locale the household's language, sent as its ISO code ({@code pl})
	 * @param timeout longest wait for the transcript once the audio has ended, retry
	 * included; also the longest a single write may block
	 */
	public WyomingSpeechToText(WyomingSettings settings, Locale locale, Duration timeout) {
		this.address = WyomingAddress.parse(settings.sttUrl());
		this.model = settings.sttModel().strip();
		this.language = locale.getLanguage();
		this.timeout = timeout;
	}

	@Override
	public Transcription start(PcmFormat format) {
		return new StreamingTranscription(format);
	}

	@Override
	public String toString() {
		return WHAT + " at " + this.address;
	}

	private final class StreamingTranscription implements Transcription {

		private final PcmFormat format;

		/** Sent as it is, rather than converted at the end. */
		private final boolean streaming;

		/** Everything pushed: sent again on a retry, or converted at the end. */
		private final ByteArrayOutputStream audio = new ByteArrayOutputStream();

		private @Nullable WyomingConnection connection;

		private @Nullable IOException streamFailure;

		private int attempts;

		StreamingTranscription(PcmFormat format) {
			this.format = format;
			this.streaming = format.bits() == 16;
			try {
				this.connection = WyomingConnection.open(WyomingSpeechToText.this.address,
						WyomingSpeechToText.this.timeout);
				this.connection.expireIn(WyomingSpeechToText.this.timeout);
				begin(this.connection, this.streaming ? format : PcmFormat.SPEECH);
			}
			catch (IOException ex) {
				// Not thrown yet: the audio is kept, and finish() retries with all of it.
				failed(ex);
			}
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			this.audio.write(buffer, offset, length);
			WyomingConnection connection = this.connection;
			if (this.streaming && connection != null && length > 0) {
				try {
					// A service that stops reading cannot hold the upload for longer.
					connection.expireIn(WyomingSpeechToText.this.timeout);
					chunk(connection, this.format, buffer, offset, length);
				}
				catch (IOException ex) {
					failed(ex);
				}
			}
		}

		@Override
		public String finish() {
			byte[] pcm = this.streaming ? this.audio.toByteArray() : convert();
			PcmFormat sent = this.streaming ? this.format : PcmFormat.SPEECH;
			return ConnectionRetry.call(WHAT, WyomingSpeechToText.this.timeout, (left) -> {
				try {
					if (this.attempts++ == 0) {
						return streamed(pcm, left);
					}
					return again(pcm, sent, left);
				}
				catch (IOException ex) {
					throw WyomingFailures.of(WHAT, WyomingSpeechToText.this.address, ex);
				}
			}, () -> true);
		}

		private String streamed(byte[] pcm, Duration left) throws IOException {
			IOException failure = this.streamFailure;
			WyomingConnection connection = this.connection;
			if (failure != null || connection == null) {
				throw (failure != null) ? failure : new IOException("no connection");
			}
			connection.expireIn(left);
			if (!this.streaming) {
				chunks(connection, PcmFormat.SPEECH, pcm);
			}
			return transcript(connection);
		}

		private String again(byte[] pcm, PcmFormat sent, Duration left) throws IOException {
			close();
			this.connection = WyomingConnection.open(WyomingSpeechToText.this.address, left);
			this.connection.expireIn(left);
			begin(this.connection, sent);
			chunks(this.connection, sent, pcm);
			return transcript(this.connection);
		}

		private String transcript(WyomingConnection connection) throws IOException {
			connection.send("audio-stop", json.createObjectNode());
			for (int i = 0; i < MAX_EVENTS; i++) {
				WyomingEvent event = connection.read();
				switch (event.type()) {
					case "transcript" -> {
						String text = event.text("text").strip();
						log.debug("Transcribed by {} ({} characters)", WyomingSpeechToText.this, text.length());
						return text;
					}
					case "error" -> throw WyomingFailures.error(WHAT, WyomingSpeechToText.this.address, event);
					default -> {
						if (OUT_OF_PLACE.contains(event.type())) {
							throw WyomingFailures.outOfOrder(WHAT, WyomingSpeechToText.this.address, event.type(),
									"transcript");
						}
						// transcript-start, transcript-chunk (the final transcript
						// follows them) and events of later protocol versions.
					}
				}
			}
			throw new WyomingConnection.WyomingProtocolException(MAX_EVENTS + " events without a transcript");
		}

		private void begin(WyomingConnection connection, PcmFormat sent) throws IOException {
			ObjectNode transcribe = json.createObjectNode().put("language", WyomingSpeechToText.this.language);
			if (!WyomingSpeechToText.this.model.isEmpty()) {
				transcribe.put("name", WyomingSpeechToText.this.model);
			}
			connection.send("transcribe", transcribe);
			connection.send("audio-start", audioFormat(sent));
		}

		private void chunks(WyomingConnection connection, PcmFormat sent, byte[] pcm) throws IOException {
			// About 0.2 s of audio per chunk, as the devices send it.
			int size = Math.max(2, sent.bytesPerSecond() / 5);
			for (int at = 0; at < pcm.length; at += size) {
				chunk(connection, sent, pcm, at, Math.min(size, pcm.length - at));
			}
		}

		private static void chunk(WyomingConnection connection, PcmFormat sent, byte[] pcm, int offset, int length)
				throws IOException {
			connection.send("audio-chunk", audioFormat(sent), pcm, offset, length);
		}

		private byte[] convert() {
			try {
				return Wav.toSpeechPcm(this.audio.toByteArray(), this.format);
			}
			catch (IllegalArgumentException ex) {
				throw new SpeechException("Cannot transcribe audio in " + this.format + ": " + ex.getMessage(), ex);
			}
		}

		private void failed(IOException ex) {
			if (this.streamFailure == null) {
				log.debug("{} failed while streaming: {}", WyomingSpeechToText.this, ex.toString());
				this.streamFailure = ex;
			}
			close();
		}

		@Override
		public void close() {
			WyomingConnection connection = this.connection;
			this.connection = null;
			if (connection != null) {
				connection.close();
			}
		}

	}

	static ObjectNode audioFormat(PcmFormat format) {
		return json.createObjectNode()
			.put("rate", format.sampleRate())
			.put("width", format.bits() / 8)
			.put("channels", format.channels());
	}

}

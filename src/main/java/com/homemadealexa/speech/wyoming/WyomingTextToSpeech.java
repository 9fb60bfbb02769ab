package com.homemadealexa.speech.wyoming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.llm.ConnectionRetry;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.TextToSpeech;
import com.homemadealexa.speech.WyomingSettings;
import com.homemadealexa.speech.wyoming.WyomingConnection.WyomingProtocolException;

/**
 * Text-to-speech through a Wyoming service (Piper): sends {@code synthesize} with the
 * phrase and the voice ({@code wyoming.tts_voice}, or the household's language), reads
 * {@code audio-start}, {@code audio-chunk}s and {@code audio-stop}, and converts the
 * audio (Piper's voices speak at 22,050 Hz) to the 16 kHz, 16-bit mono WAV that the audio
 * server and the webapp get.
 *
 * <p>
 * At most 10 minutes of audio are taken. A refused or reset connection before any answer
 * is tried once more within {@code speech.timeout_seconds}; any other failure is a
 * {@link SpeechException} (the application's voice then speaks with espeak-ng).
 * Thread-safe: one connection per phrase.
 */
public class WyomingTextToSpeech implements TextToSpeech {

	static final String WHAT = "Wyoming text-to-speech";

	private static final Set<String> OUT_OF_PLACE = Set.of("transcribe", "transcript", "transcript-start",
			"transcript-chunk", "transcript-stop", "describe", "info", "synthesize", "synthesize-start",
			"synthesize-chunk", "synthesize-stop");

	private static final int MAX_EVENTS = 100_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WyomingAddress address;

	private final String voice;

	private final Duration timeout;

	public WyomingTextToSpeech(WyomingSettings settings, Duration timeout) {
		this.address = WyomingAddress.parse(settings.ttsUrl());
		this.voice = settings.ttsVoice().strip();
		this.timeout = timeout;
	}

	@Override
	public byte[] synthesize(String text, Locale locale) {
		return ConnectionRetry.call(WHAT, this.timeout, (left) -> {
			try {
				return attempt(text, locale, left);
			}
			catch (IOException ex) {
				throw WyomingFailures.of(WHAT, this.address, ex);
			}
		}, () -> true);
	}

	private byte[] attempt(String text, Locale locale, Duration timeout) throws IOException {
		try (WyomingConnection connection = WyomingConnection.open(this.address, timeout)) {
			connection.expireIn(timeout);
			connection.send("synthesize", synthesizeEvent(text, locale));
			@Nullable PcmFormat format = null;
			ByteArrayOutputStream pcm = new ByteArrayOutputStream();
			for (int i = 0; i < MAX_EVENTS; i++) {
				WyomingEvent event = connection.read();
				switch (event.type()) {
					case "audio-start" -> {
						if (format != null) {
							throw WyomingFailures.outOfOrder(WHAT, this.address, event.type(), "audio-chunk");
						}
						format = format(event);
					}
					case "audio-chunk" -> {
						if (format == null) {
							throw WyomingFailures.outOfOrder(WHAT, this.address, event.type(), "audio-start");
						}
						if (!format(event).equals(format)) {
							throw new WyomingProtocolException(
									"an audio-chunk in " + format(event) + " after audio-start in " + format);
						}
						if (pcm.size() + (long) event.payload().length > maxBytes(format)) {
							throw new WyomingProtocolException("more than 10 minutes of audio");
						}
						pcm.write(event.payload());
					}
					case "audio-stop" -> {
						if (format == null) {
							throw WyomingFailures.outOfOrder(WHAT, this.address, event.type(), "audio-start");
						}
						return wav(pcm.toByteArray(), format);
					}
					case "error" -> throw WyomingFailures.error(WHAT, this.address, event);
					default -> {
						if (OUT_OF_PLACE.contains(event.type())) {
							throw WyomingFailures.outOfOrder(WHAT, this.address, event.type(),
									(format == null) ? "audio-start" : "audio-chunk");
						}
						// synthesize-stopped and events of later protocol versions.
					}
				}
			}
			throw new WyomingProtocolException(MAX_EVENTS + " events without audio-stop");
		}
	}

	private ObjectNode synthesizeEvent(String text, Locale locale) {
		ObjectNode voice = json.createObjectNode();
		if (this.voice.isEmpty()) {
			voice.put("language", locale.getLanguage());
		}
		else {
			voice.put("name", this.voice);
		}
		ObjectNode data = json.createObjectNode().put("text", text);
		data.set("voice", voice);
		return data;
	}

	private static PcmFormat format(WyomingEvent event) throws WyomingProtocolException {
		int rate = event.data().path("rate").asInt(0);
		int width = event.data().path("width").asInt(0);
		int channels = event.data().path("channels").asInt(0);
		if (rate < 1000 || rate > 192_000 || width < 1 || width > 4 || channels < 1 || channels > 8) {
			throw new WyomingProtocolException("an " + event.type() + " with an unusable format (rate " + rate
					+ ", width " + width + ", channels " + channels + ")");
		}
		return new PcmFormat(rate, width * 8, channels);
	}

	private static long maxBytes(PcmFormat format) {
		return 600L * format.bytesPerSecond();
	}

	private byte[] wav(byte[] pcm, PcmFormat format) {
		if (pcm.length == 0) {
			throw new SpeechException(WHAT + " at " + this.address + " answered no audio");
		}
		return Wav.encode(Wav.toSpeechPcm(pcm, format), PcmFormat.SPEECH);
	}

	@Override
	public String toString() {
		return WHAT + " at " + this.address;
	}

}

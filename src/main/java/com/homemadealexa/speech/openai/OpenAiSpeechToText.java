package com.homemadealexa.speech.openai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.core.RequestOptions;
import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.config.AssistantSettings;
import com.homemadealexa.llm.ConnectionRetry;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.OpenAiSpeechSettings;
import com.homemadealexa.speech.SpeechToText;
import com.homemadealexa.speech.Transcription;

/**
 * Speech-to-text through OpenAI's {@code /audio/transcriptions}, or any server that
 * speaks it (speaches, faster-whisper-server) via {@code speech.stt_base_url} (model
 * {@code speech.stt_model}, language from {@code assistant.language}). The API takes a
 * whole file, so the pushed audio is buffered and sent, as a 16 kHz mono WAV, on
 * {@link Transcription#finish()}. Audio shorter than 100 ms counts as silence: the API
 * refuses it and nobody speaks a command that fast. A refused or reset connection is
 * tried once more within the timeout. Thread-safe.
 */
public class OpenAiSpeechToText implements SpeechToText, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OpenAiSpeechToText.class);

	private static final int MIN_BYTES = PcmFormat.SPEECH.bytesPerSecond() / 10;

	private final OpenAIClient client;

	private final String model;

	private final String language;

	private final Duration timeout;

	public OpenAiSpeechToText(OpenAiSpeechSettings settings, AssistantSettings assistant) {
		this.client = OpenAiClients.create(settings);
		this.model = settings.model();
		this.timeout = settings.timeout();
		this.language = assistant.locale().getLanguage();
	}

	@Override
	public Transcription start(PcmFormat format) {
		return new BufferedTranscription(format);
	}

	@Override
	public void close() {
		this.client.close();
	}

	private String transcribe(byte[] wav) {
		try {
			String text = ConnectionRetry.call("OpenAI speech-to-text", this.timeout,
					(left) -> this.client.audio()
						.transcriptions()
						.create(params(wav), RequestOptions.builder().timeout(left).build())
						.asTranscription()
						.text()
						.strip(),
					() -> true);
			log.debug("Transcribed by OpenAI ({} characters)", text.length());
			return text;
		}
		catch (RuntimeException ex) {
			throw OpenAiClients.failure("OpenAI speech-to-text", ex);
		}
	}

	/** New for each attempt: the file is a stream, read once. */
	private TranscriptionCreateParams params(byte[] wav) {
		MultipartField<InputStream> file = MultipartField.<InputStream>builder()
			.value(new ByteArrayInputStream(wav))
			.filename("utterance.wav")
			.contentType("audio/wav")
			.build();
		return TranscriptionCreateParams.builder()
			.file(file)
			.model(this.model)
			.language(this.language)
			.responseFormat(AudioResponseFormat.JSON)
			.build();
	}

	private final class BufferedTranscription implements Transcription {

		private final PcmFormat format;

		private final ByteArrayOutputStream audio = new ByteArrayOutputStream();

		BufferedTranscription(PcmFormat format) {
			this.format = format;
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			this.audio.write(buffer, offset, length);
		}

		@Override
		public String finish() {
			byte[] pcm;
			try {
				pcm = Wav.toSpeechPcm(this.audio.toByteArray(), this.format);
			}
			catch (IllegalArgumentException ex) {
				throw new SpeechException("Cannot transcribe audio in " + this.format + ": " + ex.getMessage(), ex);
			}
			if (pcm.length < MIN_BYTES) {
				return "";
			}
			return transcribe(Wav.encode(pcm, PcmFormat.SPEECH));
		}

		@Override
		public void close() {
			this.audio.reset();
		}

	}

}

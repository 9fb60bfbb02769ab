package com.homemadealexa.speech.azure;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.microsoft.cognitiveservices.speech.SpeechConfig;
import com.microsoft.cognitiveservices.speech.SpeechRecognitionResult;
import com.microsoft.cognitiveservices.speech.SpeechRecognizer;
import com.microsoft.cognitiveservices.speech.audio.AudioConfig;
import com.microsoft.cognitiveservices.speech.audio.AudioInputStream;
import com.microsoft.cognitiveservices.speech.audio.AudioStreamFormat;
import com.microsoft.cognitiveservices.speech.audio.PushAudioInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.speech.AzureSettings;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechToText;
import com.homemadealexa.speech.Transcription;

/**
 * Speech-to-text through the Azure Speech SDK, streaming: recognition starts with the
 * transcription and each pushed piece of audio goes straight to Azure, so the transcript
 * is ready soon after the upload ends. 16-bit mono audio at 8 or 16 kHz is streamed as it
 * is; any other format is buffered and converted to 16 kHz mono when the audio ends.
 * Thread-safe; each transcription holds its own native recognizer until closed.
 */
public class AzureSpeechToText implements SpeechToText {

	private static final Logger log = LoggerFactory.getLogger(AzureSpeechToText.class);

	private final AzureSettings settings;

	private final String language;

	private final Duration timeout;

	/**
	 * @param language recognition language, e.g. {@code pl-PL}
	 * @param timeout longest wait for the result once the audio has ended
	 */
	public AzureSpeechToText(AzureSettings settings, String language, Duration timeout) {
		this.settings = settings;
		this.language = language;
		this.timeout = timeout;
	}

	@Override
	public Transcription start(PcmFormat format) {
		return new StreamingTranscription(format);
	}

	static boolean streamable(PcmFormat format) {
		return format.bits() == 16 && format.channels() == 1
				&& (format.sampleRate() == 16000 || format.sampleRate() == 8000);
	}

	private final class StreamingTranscription implements Transcription {

		private final PcmFormat format;

		private final @Nullable ByteArrayOutputStream buffered;

		private @Nullable SpeechConfig config;

		private @Nullable PushAudioInputStream push;

		private @Nullable AudioConfig audio;

		private @Nullable SpeechRecognizer recognizer;

		private final Future<SpeechRecognitionResult> result;

		StreamingTranscription(PcmFormat format) {
			this.format = format;
			boolean streaming = streamable(format);
			this.buffered = streaming ? null : new ByteArrayOutputStream();
			PcmFormat pushed = streaming ? format : PcmFormat.SPEECH;
			try {
				this.config = AzureSpeechConfigs.create(AzureSpeechToText.this.settings,
						AzureSpeechToText.this.language);
				this.push = AudioInputStream
					.createPushStream(AudioStreamFormat.getWaveFormatPCM(pushed.sampleRate(), (short) 16, (short) 1));
				this.audio = AudioConfig.fromStreamInput(this.push);
				this.recognizer = new SpeechRecognizer(this.config, this.audio);
				this.result = this.recognizer.recognizeOnceAsync();
			}
			catch (RuntimeException | LinkageError ex) {
				close();
				throw new SpeechException("Azure speech-to-text could not start: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			if (this.buffered != null) {
				this.buffered.write(buffer, offset, length);
			}
			else if (this.push != null && length > 0) {
				this.push.write(Arrays.copyOfRange(buffer, offset, offset + length));
			}
		}

		@Override
		public String finish() {
			PushAudioInputStream push = this.push;
			if (push == null) {
				throw new SpeechException("Azure speech-to-text was already closed");
			}
			if (this.buffered != null) {
				push.write(Wav.toSpeechPcm(this.buffered.toByteArray(), this.format));
			}
			push.close();
			Duration timeout = AzureSpeechToText.this.timeout;
			try (SpeechRecognitionResult recognized = this.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				String text = AzureRecognitionResults.transcript(recognized,
						AzureSpeechToText.this.settings.speechKey());
				log.debug("Transcribed by Azure ({} characters)", text.length());
				return text;
			}
			catch (TimeoutException ex) {
				throw new SpeechException("Azure speech-to-text timed out after " + timeout.toSeconds() + " s", ex);
			}
			catch (ExecutionException ex) {
				throw new SpeechException("Azure speech-to-text failed: " + ex.getCause().getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SpeechException("Azure speech-to-text was interrupted", ex);
			}
		}

		@Override
		public void close() {
			// Reverse order of creation; each native handle is released even if another
			// fails.
			this.recognizer = release(this.recognizer);
			this.audio = release(this.audio);
			this.push = release(this.push);
			this.config = release(this.config);
		}

		private static <T> @Nullable T release(@Nullable T handle) {
			if (handle instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					log.debug("Closing {} failed: {}", handle.getClass().getSimpleName(), ex.toString());
				}
			}
			return null;
		}

	}

}

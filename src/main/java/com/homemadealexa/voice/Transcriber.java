package com.homemadealexa.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import com.homemadealexa.audio.AudioSettings;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.UtteranceRecorder;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.SpeechToText;
import com.homemadealexa.speech.Transcription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads an upload while it arrives, feeding the speech-to-text provider as it goes (so a
 * streaming provider has the transcript right after the last chunk), within the
 * {@code audio.max_seconds} limit, and keeps the WAV when {@code audio.save_audio} is on.
 * An upload must also end within {@code max_seconds} plus {@link #GRACE} of its start, so
 * a client dripping bytes cannot hold a provider session open, and the memory it holds is
 * admitted by {@link UploadMemory}. An upload with no audio at all (the device's Cancel
 * button right after speech started) is an empty transcript, not an error.
 */
@Component
class Transcriber {

	private static final Logger log = LoggerFactory.getLogger(Transcriber.class);

	private final SpeechToText stt;

	private final UtteranceRecorder recorder;

	private final AudioSettings audio;

	static final Duration GRACE = Duration.ofSeconds(10);

	private final UploadMemory memory;

	Transcriber(SpeechToText stt, UtteranceRecorder recorder, AudioSettings audio, UploadMemory memory) {
		this.stt = stt;
		this.recorder = recorder;
		this.audio = audio;
		this.memory = memory;
	}

	/**
	 * Transcribes the upload into the utterance ({@link Utterance#transcribed}); a
	 * provider failure is the utterance's speech-to-text failure.
	 * @return how many bytes of audio the upload carried; 0 for none at all
	 * @throws AudioRejectedException when the audio is too long, too slow, cut off, or
	 * the server is receiving too much at once
	 * @throws SpeechException when the provider fails
	 */
	long transcribe(InputStream body, PcmFormat format, Utterance utterance) {
		try {
			return read(body, format, utterance);
		}
		catch (SpeechException ex) {
			utterance.failed(Utterance.Stage.SPEECH_TO_TEXT, ex);
			throw ex;
		}
	}

	private long read(InputStream body, PcmFormat format, Utterance utterance) {
		long maxBytes = (long) this.audio.maxSeconds() * format.bytesPerSecond();
		long deadline = System.nanoTime() + Duration.ofSeconds(this.audio.maxSeconds()).plus(GRACE).toNanos();
		ByteArrayOutputStream saved = this.audio.saveAudio() ? new ByteArrayOutputStream() : null;
		try (UploadMemory.Reservation held = this.memory.open(); Transcription transcription = this.stt.start(format)) {
			byte[] buffer = new byte[8192];
			long total = 0;
			int read;
			while ((read = body.read(buffer)) != -1) {
				total += read;
				if (total > maxBytes) {
					throw new AudioRejectedException(HttpStatus.CONTENT_TOO_LARGE,
							"The utterance is longer than " + this.audio.maxSeconds() + " s (audio.max_seconds).");
				}
				if (System.nanoTime() - deadline > 0) {
					throw new AudioRejectedException(HttpStatus.REQUEST_TIMEOUT, "The upload did not end within "
							+ (this.audio.maxSeconds() + GRACE.toSeconds()) + " s (audio.max_seconds + 10 s).");
				}
				held.grow(total);
				transcription.write(buffer, 0, read);
				if (saved != null) {
					saved.write(buffer, 0, read);
				}
			}
			utterance.speechEnded();
			if (total == 0) {
				log.info("The upload carries no audio");
				return 0;
			}
			String text = transcription.finish().strip();
			utterance.transcribed(text);
			log.info("Transcribed ({} bytes of audio): \"{}\"", total, text);
			if (saved != null) {
				this.recorder.save(utterance.id(), saved.toByteArray(), format);
			}
			return total;
		}
		catch (IOException ex) {
			throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "The audio upload was cut off.");
		}
	}

}

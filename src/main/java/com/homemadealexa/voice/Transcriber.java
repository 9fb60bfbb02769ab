package com.homemadealexa.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import com.homemadealexa.audio.AudioSettings;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.UtteranceRecorder;
import com.homemadealexa.speech.SpeechToText;
import com.homemadealexa.speech.Transcription;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads an upload while it arrives, feeding the speech-to-text provider as it goes (so a
 * streaming provider has the transcript right after the last chunk), within the
 * {@code audio.max_seconds} limit, and keeps the WAV when {@code audio.save_audio} is on.
 */
@Component
class Transcriber {

	private static final Logger log = LoggerFactory.getLogger(Transcriber.class);

	private final SpeechToText stt;

	private final UtteranceRecorder recorder;

	private final AudioSettings audio;

	private final MeterRegistry meters;

	Transcriber(SpeechToText stt, UtteranceRecorder recorder, AudioSettings audio, MeterRegistry meters) {
		this.stt = stt;
		this.recorder = recorder;
		this.audio = audio;
		this.meters = meters;
	}

	/**
	 * @throws AudioRejectedException when the audio is empty, too long or cut off
	 * @throws com.homemadealexa.speech.SpeechException when the provider fails
	 */
	Heard transcribe(InputStream body, PcmFormat format, String utteranceId) {
		long maxBytes = (long) this.audio.maxSeconds() * format.bytesPerSecond();
		ByteArrayOutputStream saved = this.audio.saveAudio() ? new ByteArrayOutputStream() : null;
		try (Transcription transcription = this.stt.start(format, utteranceId)) {
			byte[] buffer = new byte[8192];
			long total = 0;
			int read;
			while ((read = body.read(buffer)) != -1) {
				total += read;
				if (total > maxBytes) {
					throw new AudioRejectedException(HttpStatus.CONTENT_TOO_LARGE,
							"The utterance is longer than " + this.audio.maxSeconds() + " s (audio.max_seconds).");
				}
				transcription.write(buffer, 0, read);
				if (saved != null) {
					saved.write(buffer, 0, read);
				}
			}
			if (total == 0) {
				throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "The request carries no audio.");
			}
			UtteranceTimings timings = new UtteranceTimings(this.meters, System.nanoTime());
			String text = transcription.finish().strip();
			timings.transcribed();
			log.info("Utterance {} transcribed ({} bytes of audio): \"{}\"", utteranceId, total, text);
			if (saved != null) {
				this.recorder.save(utteranceId, saved.toByteArray(), format);
			}
			return new Heard(utteranceId, text, timings);
		}
		catch (IOException ex) {
			throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "The audio upload was cut off.");
		}
	}

}

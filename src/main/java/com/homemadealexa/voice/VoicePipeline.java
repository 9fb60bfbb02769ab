package com.homemadealexa.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.assistant.Interpreter;
import com.homemadealexa.audio.AudioOutput;
import com.homemadealexa.audio.AudioSettings;
import com.homemadealexa.audio.Chimes;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.audio.UtteranceRecorder;
import com.homemadealexa.audio.Wav;
import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import com.homemadealexa.device.WakewordHeard;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.speech.SpeechToText;
import com.homemadealexa.speech.Transcription;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * One utterance from audio to spoken answer. The device flow answers the upload as soon
 * as the transcript exists and speaks the answer in the background; the webapp flow
 * returns the answer's audio in the response.
 */
@Service
class VoicePipeline implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(VoicePipeline.class);

	private final SpeechToText stt;

	private final Interpreter interpreter;

	private final SentenceVoice voice;

	private final AudioOutput speaker;

	private final Chimes chimes;

	private final Devices devices;

	private final DeviceTurns turns;

	private final UtteranceRecorder recorder;

	private final AudioSettings audio;

	private final Phrases phrases;

	private final RecentUtterances recent;

	private final MeterRegistry meters;

	private final ExecutorService replies = Executors.newVirtualThreadPerTaskExecutor();

	VoicePipeline(SpeechToText stt, Interpreter interpreter, SentenceVoice voice, AudioOutput speaker, Chimes chimes,
			Devices devices, DeviceTurns turns, UtteranceRecorder recorder, AudioSettings audio, Phrases phrases,
			RecentUtterances recent, MeterRegistry meters) {
		this.stt = stt;
		this.interpreter = interpreter;
		this.voice = voice;
		this.speaker = speaker;
		this.chimes = chimes;
		this.devices = devices;
		this.turns = turns;
		this.recorder = recorder;
		this.audio = audio;
		this.phrases = phrases;
		this.recent = recent;
		this.meters = meters;
	}

	/**
	 * Reads the upload while it arrives, feeding the speech-to-text provider, and returns
	 * the transcript.
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

	/**
	 * Speaks the answer to a device's utterance in the background, then tells the device
	 * to listen again or to go idle, unless a newer utterance or a wake word came first.
	 */
	void answerDevice(Heard heard, String deviceAddress, Turn turn) {
		if (heard.text().isEmpty()) {
			this.turns.end(deviceAddress, turn);
			return;
		}
		this.replies.execute(() -> {
			MDC.put("utterance", heard.utteranceId());
			try {
				speakToDevice(heard, deviceAddress, turn);
			}
			catch (RuntimeException ex) {
				log.error("Utterance {} failed while answering the device", heard.utteranceId(), ex);
				sendToDevice(deviceAddress, new DeviceCommand.Idle());
			}
			finally {
				this.turns.end(deviceAddress, turn);
				MDC.remove("utterance");
			}
		});
	}

	private void speakToDevice(Heard heard, String deviceAddress, Turn turn) {
		String source = conversationOf(deviceAddress);
		DevicePlayback playback = new DevicePlayback(turn, this.voice, this.speaker, heard.timings());
		Interpretation answer = interpret(source, heard, playback::say);
		int played = playback.finish();
		remember(heard, source, answer);
		if (played < 0 || turn.isCancelled()) {
			log.info("Utterance {} was interrupted; nothing more is sent to the device", heard.utteranceId());
			return;
		}
		if (answer.end() || played == 0) {
			this.speaker.play(this.chimes.endChime());
			sendToDevice(deviceAddress, new DeviceCommand.Idle());
		}
		else {
			sendToDevice(deviceAddress, new DeviceCommand.Listen());
		}
	}

	/**
	 * Answers a webapp utterance: the whole spoken answer as one WAV.
	 */
	WebappAnswer answerWebapp(Heard heard, String user) {
		if (heard.text().isEmpty()) {
			return new WebappAnswer("idle", null);
		}
		List<CompletableFuture<byte[]>> sentences = new ArrayList<>();
		Interpretation answer = interpret("webapp:" + user, heard,
				(sentence) -> sentences.add(this.voice.synthesize(sentence, heard.utteranceId())));
		List<byte[]> audio = new ArrayList<>();
		for (CompletableFuture<byte[]> sentence : sentences) {
			try {
				audio.add(sentence.join());
				heard.timings().firstAudioSynthesized();
			}
			catch (RuntimeException ex) {
				log.warn("Utterance {} failed at stage tts: {}", heard.utteranceId(),
						(ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage());
			}
		}
		remember(heard, "webapp:" + user, answer);
		boolean spoken = !audio.isEmpty();
		String next = (answer.end() || !spoken) ? "idle" : "listen";
		return new WebappAnswer(next, spoken ? Wav.concat(audio) : null);
	}

	/**
	 * Answers text without audio ({@code /api/internal/chat}).
	 */
	Interpretation chat(String command, String conversationId, String utteranceId) {
		return this.interpreter.interpret(conversationId, command, utteranceId, (sentence) -> {
		});
	}

	/**
	 * A wake word interrupts whatever the device was about to say or do.
	 */
	@EventListener
	void onWakeword(WakewordHeard event) {
		DeviceInfo device = event.device();
		boolean interrupted = this.turns.interrupt(device.address());
		log.info("Wake word from {} ({}){}", device.hostname(), device.address(),
				interrupted ? ": the pending reply is interrupted" : "");
		this.replies.execute(() -> {
			this.speaker.abort();
			this.speaker.play(this.chimes.startChime());
		});
	}

	private Interpretation interpret(String conversationId, Heard heard,
			java.util.function.Consumer<String> sentences) {
		try {
			return this.interpreter.interpret(conversationId, heard.text(), heard.utteranceId(), sentences);
		}
		catch (RuntimeException ex) {
			log.error("Utterance {} failed at stage interpret", heard.utteranceId(), ex);
			String apology = this.phrases.pick("voice.apology");
			sentences.accept(apology);
			return new Interpretation("error", apology, true, Interpretation.Route.FALLBACK);
		}
		finally {
			heard.timings().answered();
		}
	}

	private void remember(Heard heard, String source, Interpretation answer) {
		this.recent.add(new RecentUtterances.Entry(heard.utteranceId(), source, Instant.now(), heard.text(),
				answer.phrase(), answer.route().name(), heard.timings().millis()));
	}

	private String conversationOf(String deviceAddress) {
		return this.devices.findByAddress(deviceAddress)
			.map((device) -> (device.hostname() != null) ? device.hostname() : deviceAddress)
			.orElse(deviceAddress);
	}

	private void sendToDevice(String deviceAddress, DeviceCommand command) {
		this.devices.findByAddress(deviceAddress)
			.ifPresentOrElse((device) -> this.devices.send(device.connectionId(), command),
					() -> log.warn("No device connected from {} to send {}", deviceAddress, command));
	}

	@Override
	public void destroy() {
		this.replies.shutdownNow();
	}

	/**
	 * A transcribed utterance.
	 *
	 * @param utteranceId id on every log line about it
	 * @param text the transcript, stripped
	 * @param timings its stage times
	 */
	record Heard(String utteranceId, String text, UtteranceTimings timings) {
	}

	/**
	 * The webapp's answer.
	 *
	 * @param next {@code listen} or {@code idle}
	 * @param wav the spoken answer, or null when nothing is said
	 */
	record WebappAnswer(String next, byte @org.jspecify.annotations.Nullable [] wav) {
	}

}

package com.homemadealexa.voice;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.audio.AudioOutput;
import com.homemadealexa.audio.Chimes;
import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import com.homemadealexa.device.WakewordHeard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The device side of an answer, after the upload has been answered: speak it on the audio
 * server in the background, wait out the playback, then tell the device to listen again
 * or (after the end chime) to go idle — unless a newer utterance or a wake word made the
 * reply stale.
 */
@Component
class DeviceReplies implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeviceReplies.class);

	private final Answers answers;

	private final SentenceVoice voice;

	private final AudioOutput speaker;

	private final Chimes chimes;

	private final Devices devices;

	private final DeviceTurns turns;

	private final ExecutorService replies = Executors.newVirtualThreadPerTaskExecutor();

	DeviceReplies(Answers answers, SentenceVoice voice, AudioOutput speaker, Chimes chimes, Devices devices,
			DeviceTurns turns) {
		this.answers = answers;
		this.voice = voice;
		this.speaker = speaker;
		this.chimes = chimes;
		this.devices = devices;
		this.turns = turns;
	}

	/**
	 * Starts answering in the background; returns at once.
	 */
	void answer(Heard heard, String deviceAddress, Turn turn) {
		answer(heard, deviceAddress, turn, (interpretation) -> {
		});
	}

	/**
	 * As {@link #answer(Heard, String, Turn)}, and hands the interpretation to
	 * {@code answered} as soon as it is known, while it still plays.
	 */
	void answer(Heard heard, String deviceAddress, Turn turn, Consumer<Interpretation> answered) {
		if (heard.text().isEmpty()) {
			this.turns.end(deviceAddress, turn);
			return;
		}
		this.replies.execute(() -> {
			MDC.put("utterance", heard.utteranceId());
			try {
				speak(heard, deviceAddress, turn, answered);
			}
			catch (RuntimeException ex) {
				log.error("Utterance {} failed while answering the device", heard.utteranceId(), ex);
				send(deviceAddress, new DeviceCommand.Idle());
			}
			finally {
				this.turns.end(deviceAddress, turn);
				MDC.remove("utterance");
			}
		});
	}

	private void speak(Heard heard, String deviceAddress, Turn turn, Consumer<Interpretation> answered) {
		String conversationId = conversationOf(deviceAddress);
		DevicePlayback playback = new DevicePlayback(turn, this.voice, this.speaker, heard.timings());
		Interpretation answer = this.answers.answer(conversationId, heard, playback::say);
		answered.accept(answer);
		int played = playback.finish();
		this.answers.remember(heard, conversationId, answer);
		if (played < 0 || turn.isCancelled()) {
			log.info("Utterance {} was interrupted; nothing more is sent to the device", heard.utteranceId());
			return;
		}
		if (answer.end() || played == 0) {
			this.speaker.play(this.chimes.endChime());
			send(deviceAddress, new DeviceCommand.Idle());
		}
		else {
			send(deviceAddress, new DeviceCommand.Listen());
		}
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

	/**
	 * The device's history follows its hostname, which survives a change of address.
	 */
	private String conversationOf(String deviceAddress) {
		return this.devices.findByAddress(deviceAddress)
			.map((device) -> (device.hostname() != null) ? device.hostname() : deviceAddress)
			.orElse(deviceAddress);
	}

	private void send(String deviceAddress, DeviceCommand command) {
		this.devices.findByAddress(deviceAddress)
			.ifPresentOrElse((device) -> this.devices.send(device.connectionId(), command),
					() -> log.warn("No device connected from {} to send {}", deviceAddress, command));
	}

	@Override
	public void destroy() {
		this.replies.shutdownNow();
	}

}

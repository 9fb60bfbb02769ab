package com.homemadealexa.voice;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.audio.Chimes;
import com.homemadealexa.audio.Speaker;
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

	private final Speaker speaker;

	private final Chimes chimes;

	private final Devices devices;

	private final DeviceTurns turns;

	/**
	 * Wake words closer together than this are one (a burst must not abort and chime 200
	 * times).
	 */
	static final Duration WAKEWORD_DEBOUNCE = Duration.ofSeconds(1);

	private final ExecutorService replies = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, Long> lastWakeword = new ConcurrentHashMap<>();

	DeviceReplies(Answers answers, SentenceVoice voice, Speaker speaker, Chimes chimes, Devices devices,
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
		// The connection the device had when it spoke: after a reboot mid-reply its new
		// connection must not get this reply's listen or idle.
		String connectionId = this.devices.findByAddress(deviceAddress).map(DeviceInfo::connectionId).orElse("");
		this.replies.execute(() -> {
			MDC.put("utterance", heard.utteranceId());
			try {
				if (heard.text().isEmpty()) {
					release(heard, connectionId, turn);
				}
				else {
					speak(heard, deviceAddress, connectionId, turn, answered);
				}
			}
			catch (RuntimeException ex) {
				log.error("Utterance {} failed while answering the device", heard.utteranceId(), ex);
				send(connectionId, new DeviceCommand.Idle());
			}
			finally {
				this.turns.end(deviceAddress, turn);
				MDC.remove("utterance");
			}
		});
	}

	private void speak(Heard heard, String deviceAddress, String connectionId, Turn turn,
			Consumer<Interpretation> answered) {
		String conversationId = conversationOf(deviceAddress);
		try (Speaker.Hold speaker = this.speaker.hold(heard.utteranceId())) {
			DevicePlayback playback = new DevicePlayback(turn, this.voice, speaker, heard.timings());
			Interpretation answer = this.answers.answer(conversationId, heard, playback::say);
			answered.accept(answer);
			int played = playback.finish();
			this.answers.remember(heard, conversationId, answer);
			if (played >= 0) {
				// A reminder that fell due meanwhile is said now, before the device
				// listens.
				speaker.announceWaiting();
			}
			if (played < 0 || turn.isCancelled()) {
				// The device listens again (a wake word) or uploads (a newer utterance).
				speaker.closeListening();
				log.info("Utterance {} was interrupted; nothing more is sent to the device", heard.utteranceId());
				return;
			}
			if (answer.end() || played == 0) {
				speaker.play(this.chimes.endChime());
				send(connectionId, new DeviceCommand.Idle());
			}
			else {
				speaker.closeListening();
				send(connectionId, new DeviceCommand.Listen());
			}
		}
	}

	/**
	 * Nothing was said (a cough, a false wake word, Cancel): the device is waiting in its
	 * "thinking" state, so it gets the end chime and {@code idle} at once, as the Python
	 * server did, unless a wake word or a newer upload took over.
	 */
	private void release(Heard heard, String connectionId, Turn turn) {
		if (turn.isCancelled()) {
			return;
		}
		log.info("Utterance {} is empty; the device goes idle", heard.utteranceId());
		try (Speaker.Hold speaker = this.speaker.hold(heard.utteranceId())) {
			speaker.announceWaiting();
			speaker.play(this.chimes.endChime());
		}
		if (!turn.isCancelled()) {
			send(connectionId, new DeviceCommand.Idle());
		}
	}

	/**
	 * A wake word interrupts whatever the device was about to say or do. A webapp tab's
	 * is ignored: a token from the internet never acts on the home speaker.
	 */
	@EventListener
	void onWakeword(WakewordHeard event) {
		DeviceInfo device = event.device();
		if (device.webapp()) {
			// A browser tab has no business with the home speaker.
			return;
		}
		long now = System.nanoTime();
		Long previous = this.lastWakeword.put(device.connectionId(), now);
		if (previous != null && now - previous < WAKEWORD_DEBOUNCE.toNanos()) {
			log.debug("Wake word from {} within {} of the last one: ignored", device.address(), WAKEWORD_DEBOUNCE);
			return;
		}
		boolean interrupted = this.turns.interrupt(device.address());
		log.info("Wake word from {} ({}){}", device.hostname(), device.address(),
				interrupted ? ": the pending reply is interrupted" : "");
		this.replies.execute(() -> {
			this.speaker.interrupt(this.chimes.startChime());
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

	private void send(String connectionId, DeviceCommand command) {
		if (!this.devices.send(connectionId, command)) {
			log.info("The device's connection {} is gone; {} is not sent", connectionId, command);
		}
	}

	@Override
	public void destroy() {
		this.replies.shutdownNow();
	}

}

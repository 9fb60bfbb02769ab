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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The device side of an answer, after the upload has been answered: speak it on the audio
 * server in the background, wait out the playback, close the utterance, then tell the
 * device to listen again or (after the end chime) to go idle — unless a newer utterance
 * or a wake word made the reply stale.
 */
@Component
class DeviceReplies implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeviceReplies.class);

	private final Answers answers;

	private final SentenceVoice voice;

	private final Speaker speaker;

	private final Chimes chimes;

	private final Devices devices;

	private final Utterances utterances;

	/**
	 * Wake words closer together than this are one (a burst must not abort and chime 200
	 * times).
	 */
	static final Duration WAKEWORD_DEBOUNCE = Duration.ofSeconds(1);

	private final ExecutorService replies = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, Long> lastWakeword = new ConcurrentHashMap<>();

	DeviceReplies(Answers answers, SentenceVoice voice, Speaker speaker, Chimes chimes, Devices devices,
			Utterances utterances) {
		this.answers = answers;
		this.voice = voice;
		this.speaker = speaker;
		this.chimes = chimes;
		this.devices = devices;
		this.utterances = utterances;
	}

	/**
	 * Starts answering the device's utterance in the background and closes it when done;
	 * returns at once.
	 */
	void answer(Utterance utterance) {
		answer(utterance, (interpretation) -> {
		});
	}

	/**
	 * As {@link #answer(Utterance)}, and hands the interpretation to {@code answered} as
	 * soon as it is known, while it still plays.
	 */
	void answer(Utterance utterance, Consumer<Interpretation> answered) {
		DeviceInfo device = utterance.device().orElseThrow();
		this.replies.execute(utterance.wrap(() -> {
			try {
				if (utterance.text().isEmpty()) {
					release(utterance, device);
				}
				else {
					speak(utterance, device, answered);
				}
			}
			catch (RuntimeException ex) {
				utterance.failed(Utterance.Stage.PLAYBACK, ex);
				send(device, new DeviceCommand.Idle());
			}
			finally {
				utterance.close();
			}
		}));
	}

	private void speak(Utterance utterance, DeviceInfo device, Consumer<Interpretation> answered) {
		try (Speaker.Hold speaker = this.speaker.hold(utterance.id())) {
			DevicePlayback playback = new DevicePlayback(utterance, this.voice, speaker);
			Interpretation answer = this.answers.answer(utterance, playback::say);
			answered.accept(answer);
			int played = playback.finish();
			if (played >= 0) {
				// A reminder that fell due meanwhile is said now, before the device
				// listens.
				speaker.announceWaiting();
			}
			boolean interrupted = played < 0 || utterance.isCancelled();
			// In the recent list before the device hears the outcome.
			utterance.close();
			if (interrupted) {
				// The device listens again (a wake word) or uploads (a newer utterance).
				speaker.closeListening();
				log.info("Interrupted; nothing more is sent to the device");
				return;
			}
			if (answer.end() || played == 0) {
				speaker.play(this.chimes.endChime());
				send(device, new DeviceCommand.Idle());
			}
			else {
				speaker.closeListening();
				send(device, new DeviceCommand.Listen());
			}
		}
	}

	/**
	 * Nothing was said (a cough, a false wake word, Cancel): the device is waiting in its
	 * "thinking" state, so it gets the end chime and {@code idle} at once, as the Python
	 * server did, unless a wake word or a newer upload took over.
	 */
	private void release(Utterance utterance, DeviceInfo device) {
		if (utterance.isCancelled()) {
			return;
		}
		log.info("Nothing was said; the device goes idle");
		try (Speaker.Hold speaker = this.speaker.hold(utterance.id())) {
			speaker.announceWaiting();
			speaker.play(this.chimes.endChime());
		}
		if (!utterance.isCancelled()) {
			send(device, new DeviceCommand.Idle());
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
		boolean interrupted = this.utterances.interrupt(device.address());
		log.info("Wake word from {} ({}){}", device.hostname(), device.address(),
				interrupted ? ": the pending reply is interrupted" : "");
		this.replies.execute(() -> {
			this.speaker.interrupt(this.chimes.startChime());
		});
	}

	private void send(DeviceInfo device, DeviceCommand command) {
		if (!this.devices.send(device.connectionId(), command)) {
			log.info("The device's connection {} is gone; {} is not sent", device.connectionId(), command);
		}
	}

	@Override
	public void destroy() {
		this.replies.shutdownNow();
	}

}

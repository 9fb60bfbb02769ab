package com.homemadealexa.reminder;

import java.util.Locale;

import com.homemadealexa.audio.Speaker;
import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.device.Devices;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.TextToSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Delivers a due reminder: shows it on every device at once, hands it to the speaker
 * (which says it as soon as no answer is playing, see {@link Speaker}) and publishes
 * {@link ReminderDue}. The speech, speaker and device ports are optional (a server
 * without a voice or a device registry still runs); what is absent is skipped with a log
 * line.
 */
@Component
class ReminderAnnouncer {

	private static final Logger log = LoggerFactory.getLogger(ReminderAnnouncer.class);

	private final Phrases phrases;

	private final ObjectProvider<TextToSpeech> textToSpeech;

	private final ObjectProvider<Speaker> speaker;

	private final ObjectProvider<Devices> devices;

	private final ApplicationEventPublisher events;

	ReminderAnnouncer(Phrases phrases, ObjectProvider<TextToSpeech> textToSpeech, ObjectProvider<Speaker> speaker,
			ObjectProvider<Devices> devices, ApplicationEventPublisher events) {
		this.phrases = phrases;
		this.textToSpeech = textToSpeech;
		this.speaker = speaker;
		this.devices = devices;
		this.events = events;
	}

	void announce(Reminder reminder) {
		Locale locale = this.phrases.locale();
		String phrase = this.phrases.text(locale, "reminders.due", reminder.text());
		log.info("Reminder {} due at {}", reminder.id(), reminder.scheduledAt());
		display(reminder, locale);
		speak(reminder, phrase, locale);
		this.events.publishEvent(new ReminderDue(reminder.id(), reminder.scheduledAt(), reminder.text(), phrase));
	}

	private void display(Reminder reminder, Locale locale) {
		Devices registry = this.devices.getIfAvailable();
		if (registry == null) {
			log.info("Reminder {} not shown: no device registry", reminder.id());
			return;
		}
		String title = this.phrases.text(locale, "reminders.display.title");
		int shown = registry.broadcast(new DeviceCommand.Display(title, reminder.text()));
		log.debug("Reminder {} shown on {} devices", reminder.id(), shown);
	}

	private void speak(Reminder reminder, String phrase, Locale locale) {
		TextToSpeech voice = this.textToSpeech.getIfAvailable();
		Speaker speaker = this.speaker.getIfAvailable();
		if (voice == null || speaker == null) {
			log.info("Reminder {} not spoken: no {}", reminder.id(), (voice == null) ? "text-to-speech" : "speaker");
			return;
		}
		try {
			byte[] wav;
			// The voice's log lines name the reminder (MDC), as an utterance's name the
			// utterance.
			try (MDC.MDCCloseable named = MDC.putCloseable("utterance", "reminder-" + reminder.id())) {
				wav = voice.synthesize(phrase, locale);
			}
			// Said when the speaker is free: after an answer that is playing (the speaker
			// logs a reminder it cannot say).
			speaker.announce("Reminder " + reminder.id(), wav);
		}
		catch (SpeechException ex) {
			log.warn("Reminder {} not spoken: {}", reminder.id(), ex.getMessage());
		}
	}

}

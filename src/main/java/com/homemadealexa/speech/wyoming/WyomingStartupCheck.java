package com.homemadealexa.speech.wyoming;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.WyomingSettings;

/**
 * At start-up, asks each configured Wyoming service to {@code describe} itself and logs
 * what it offers, with a warning when nothing it offers speaks the household's language
 * or the configured model or voice is not among its offers, and a hint when no voice is
 * named (Piper then speaks its own default, whatever the language). Runs in the
 * background, so a service that is down or slow delays nothing: it is reported and tried
 * again with each utterance.
 */
public final class WyomingStartupCheck {

	private static final Logger log = LoggerFactory.getLogger(WyomingStartupCheck.class);

	private final WyomingSettings settings;

	private final Locale locale;

	private final Duration timeout;

	private final boolean speechToText;

	private final boolean textToSpeech;

	/**
	 * @param speechToText whether speech-to-text is Wyoming
	 * @param textToSpeech whether the voice is Wyoming
	 */
	public WyomingStartupCheck(WyomingSettings settings, Locale locale, Duration timeout, boolean speechToText,
			boolean textToSpeech) {
		this.settings = settings;
		this.locale = locale;
		this.timeout = timeout;
		this.speechToText = speechToText;
		this.textToSpeech = textToSpeech;
	}

	/** Starts the checks on a virtual thread and returns at once. */
	public Thread start() {
		return Thread.ofVirtual().name("wyoming-describe").start(this::run);
	}

	void run() {
		if (this.speechToText) {
			check(WyomingSpeechToText.WHAT, this.settings.sttUrl(), "asr", this.settings.sttModel(), "model",
					"wyoming.stt_model");
		}
		if (this.textToSpeech) {
			check(WyomingTextToSpeech.WHAT, this.settings.ttsUrl(), "tts", this.settings.ttsVoice(), "voice",
					"wyoming.tts_voice");
		}
	}

	private void check(String what, String url, String kind, String wanted, String noun, String key) {
		WyomingAddress address = WyomingAddress.parse(url);
		WyomingInfo info;
		try {
			info = WyomingInfo.describe(address, kind, this.timeout);
		}
		catch (SpeechException ex) {
			log.warn("{} did not describe itself at start-up ({}); each utterance tries it again", what,
					ex.getMessage());
			return;
		}
		log.info("{} at {} offers {}", what, address, info.summary());
		String language = this.locale.getLanguage();
		if (!info.speaks(language)) {
			log.warn("{} at {} offers no {} for {} (assistant.language = {}): it will not understand or speak the "
					+ "household's language", what, address, noun, language, this.locale.toLanguageTag());
		}
		if (!wanted.isBlank() && !info.offers(wanted.strip())) {
			log.warn("{} at {} offers no {} named '{}' ({})", what, address, noun, wanted.strip(), key);
		}
		if (wanted.isBlank() && "tts".equals(kind)) {
			// wyoming-piper ignores synthesize's voice.language: without a name it speaks
			// its --voice, whatever the household's language (docs/local-speech.md).
			log.info("{} at {}: {} is empty, so the service's default voice speaks (wyoming-piper: the one given "
					+ "to --voice); name one of its {} voices there to choose", what, address, key, language);
		}
	}

}

package com.homemadealexa.speech;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [wyoming]}: local speech services that speak the Wyoming protocol (the Home
 * Assistant voice stack).
 *
 * @param sttUrl speech-to-text service (faster-whisper, Vosk, whisper.cpp), e.g.
 * {@code tcp://127.0.0.1:10300}; empty means none
 * @param sttModel model name sent with {@code transcribe}; empty means the service's
 * default
 * @param ttsUrl text-to-speech service (Piper), e.g. {@code tcp://127.0.0.1:10200}; empty
 * means none
 * @param ttsVoice voice name sent with {@code synthesize}; empty sends only the
 * household's language, and the service's default voice speaks (wyoming-piper ignores the
 * language: its voice is the one it was started with, {@code --voice})
 */
@Validated
@ConfigurationProperties("wyoming")
public record WyomingSettings(
		@DefaultValue("") @NotNull @Pattern(
				regexp = "|tcp://\\S+:\\d{1,5}/?", message = "must be empty or tcp://host:port") String sttUrl,
		@DefaultValue("") @NotNull String sttModel,
		@DefaultValue("") @NotNull @Pattern(regexp = "|tcp://\\S+:\\d{1,5}/?",
				message = "must be empty or tcp://host:port") String ttsUrl,
		@DefaultValue("") @NotNull String ttsVoice) {

}

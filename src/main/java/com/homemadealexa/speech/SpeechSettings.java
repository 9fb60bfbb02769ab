package com.homemadealexa.speech;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [speech]}: which providers turn speech into text and text into speech.
 *
 * @param sttProvider {@code openai} or {@code azure}
 * @param sttModel OpenAI transcription model
 * @param ttsProvider {@code azure}, {@code openai} or {@code espeak}
 * @param openaiTtsModel OpenAI speech model
 * @param openaiTtsVoice OpenAI voice
 * @param timeoutSeconds limit for one provider call
 */
@Validated
@ConfigurationProperties("speech")
public record SpeechSettings(
		@NotNull @Pattern(regexp = "openai|azure", message = "must be openai or azure") String sttProvider,
		@NotBlank String sttModel,
		@NotNull @Pattern(regexp = "azure|openai|espeak",
				message = "must be azure, openai or espeak") String ttsProvider,
		@NotBlank String openaiTtsModel, @NotBlank String openaiTtsVoice, @Min(1) int timeoutSeconds) {

}

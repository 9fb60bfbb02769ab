package com.homemadealexa.speech;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [speech]}: which providers turn speech into text and text into speech, and the
 * OpenAI-compatible server of each stage.
 *
 * @param sttProvider {@code openai}, {@code azure} or {@code wyoming}
 * @param sttModel model of the OpenAI-compatible speech-to-text server
 * @param ttsProvider {@code azure}, {@code openai}, {@code wyoming} or {@code espeak}
 * @param openaiTtsModel model of the OpenAI-compatible voice
 * @param openaiTtsVoice voice of the OpenAI-compatible voice
 * @param timeoutSeconds limit for one provider call (both attempts when a connection
 * failure is retried)
 * @param sttBaseUrl OpenAI-compatible speech-to-text server; empty means
 * {@code openai.base_url}
 * @param sttApiKey its key; empty means {@code openai.api_key} when {@code sttBaseUrl} is
 * empty, and no key otherwise
 * @param ttsBaseUrl OpenAI-compatible voice server; empty means {@code openai.base_url}
 * @param ttsApiKey its key, like {@code sttApiKey}
 */
@Validated
@ConfigurationProperties("speech")
public record SpeechSettings(
		@NotNull @Pattern(
				regexp = "openai|azure|wyoming", message = "must be openai, azure or wyoming") String sttProvider,
		@NotBlank String sttModel,
		@NotNull @Pattern(regexp = "azure|openai|wyoming|espeak",
				message = "must be azure, openai, wyoming or espeak") String ttsProvider,
		@NotBlank String openaiTtsModel, @NotBlank String openaiTtsVoice, @Min(1) int timeoutSeconds,
		@DefaultValue("") @NotNull @Pattern(regexp = "|https?://\\S+",
				message = "must be empty or an http:// or https:// URL") String sttBaseUrl,
		@DefaultValue("") @NotNull String sttApiKey,
		@DefaultValue("") @NotNull @Pattern(regexp = "|https?://\\S+",
				message = "must be empty or an http:// or https:// URL") String ttsBaseUrl,
		@DefaultValue("") @NotNull String ttsApiKey) {

}

package com.homemadealexa.llm;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [openai]}: the LLM (and OpenAI speech) account.
 *
 * @param apiKey API key; empty means no LLM
 * @param baseUrl OpenAI or a compatible server
 * @param model chat model
 * @param sessionTimeoutSeconds silence after which a conversation's history is forgotten
 * @param timeoutSeconds limit for one call
 * @param stream stream the answer and speak it sentence by sentence
 */
@Validated
@ConfigurationProperties("openai")
public record OpenAiSettings(@NotNull String apiKey, @NotBlank String baseUrl, @NotBlank String model,
		@Min(1) int sessionTimeoutSeconds, @Min(1) int timeoutSeconds, boolean stream) {

	public boolean configured() {
		return !this.apiKey.isBlank();
	}

}

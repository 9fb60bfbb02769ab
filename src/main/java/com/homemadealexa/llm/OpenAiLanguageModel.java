package com.homemadealexa.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;

/**
 * The LLM through OpenAI's chat completions API, or any server that speaks it (Ollama, LM
 * Studio, vLLM) via {@code openai.base_url}. With {@code openai.stream} the answer is
 * streamed, so its first sentence can be spoken while the rest is still being written.
 */
class OpenAiLanguageModel implements LanguageModel {

	private final OpenAIClient client;

	private final OpenAiSettings settings;

	OpenAiLanguageModel(OpenAiSettings settings) {
		this.settings = settings;
		Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
		this.client = OpenAIOkHttpClient.builder()
			.okHttpClient(OpenAiTransport.okHttpClient(timeout))
			.apiKey(settings.apiKey())
			.baseUrl(settings.baseUrl())
			.timeout(timeout)
			// The client's own retries also repeat timeouts and server errors, which a
			// waiting user cannot afford: ConnectionRetry repeats connection failures
			// only.
			.maxRetries(0)
			.build();
	}

	@Override
	public ModelReply reply(ModelRequest request, Consumer<String> textDeltas) {
		ChatCompletionCreateParams params = params(request);
		AtomicBoolean spoke = new AtomicBoolean();
		Consumer<String> deltas = (delta) -> {
			spoke.set(true);
			textDeltas.accept(delta);
		};
		try {
			// Retried only before the first piece of text: once the user hears the
			// answer, a second one would repeat it.
			return ConnectionRetry.call("the model", Duration.ofSeconds(this.settings.timeoutSeconds()), (left) -> {
				RequestOptions options = RequestOptions.builder().timeout(left).build();
				return this.settings.stream() ? streamed(params, options, deltas) : whole(params, options, deltas);
			}, () -> !spoke.get());
		}
		catch (OpenAIException | IllegalStateException ex) {
			// A provider's error text may quote the key it refused; it never reaches a
			// log.
			String key = this.settings.apiKey();
			String detail = key.isEmpty() ? firstLine(ex.getMessage())
					: firstLine(ex.getMessage()).replace(key, "[openai.api_key]");
			throw new LanguageModelException(
					"the chat completion failed: " + ex.getClass().getSimpleName() + ": " + detail, ex);
		}
	}

	private ChatCompletionCreateParams params(ModelRequest request) {
		ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
			.model(this.settings.model())
			.addSystemMessage(request.systemPrompt());
		for (ChatMessage message : request.history()) {
			switch (message.role()) {
				case USER -> builder.addUserMessage(message.content());
				case ASSISTANT -> builder.addAssistantMessage(message.content());
			}
		}
		builder.addUserMessage(request.userText());
		if (!request.tools().isEmpty()) {
			request.tools().forEach((tool) -> builder.addTool(tool(tool)));
			builder.toolChoice(ChatCompletionToolChoiceOption.Auto.AUTO);
		}
		return builder.build();
	}

	private static ChatCompletionTool tool(ToolDefinition tool) {
		FunctionParameters.Builder parameters = FunctionParameters.builder();
		OpenAiToolSchema.of(tool.parameters())
			.forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
		FunctionDefinition function = FunctionDefinition.builder()
			.name(tool.name())
			.description(tool.description())
			.parameters(parameters.build())
			.build();
		return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(function).build());
	}

	private ModelReply whole(ChatCompletionCreateParams params, RequestOptions options, Consumer<String> textDeltas) {
		ChatCompletion completion = this.client.chat().completions().create(params, options);
		ChatCompletionMessage message = completion.choices()
			.stream()
			.findFirst()
			.orElseThrow(() -> new LanguageModelException("the model answered no choice"))
			.message();
		Optional<ChatCompletionMessageToolCall> call = message.toolCalls()
			.flatMap((calls) -> calls.stream().findFirst());
		if (call.isPresent() && call.get().isFunction()) {
			var function = call.get().asFunction().function();
			return new ModelReply.ToolCall(function.name(), function.arguments());
		}
		String text = message.content().orElse("");
		// Unstreamed, the whole answer is its one and only piece: it must still be
		// spoken.
		if (!text.isEmpty()) {
			textDeltas.accept(text);
		}
		return new ModelReply.Text(text);
	}

	private ModelReply streamed(ChatCompletionCreateParams params, RequestOptions options,
			Consumer<String> textDeltas) {
		StringBuilder text = new StringBuilder();
		Map<Long, ToolCallParts> toolCalls = new TreeMap<>();
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat()
			.completions()
			.createStreaming(params, options)) {
			stream.stream().forEach((chunk) -> chunk.choices().forEach((choice) -> {
				choice.delta().content().filter((delta) -> !delta.isEmpty()).ifPresent((delta) -> {
					text.append(delta);
					if (toolCalls.isEmpty()) {
						textDeltas.accept(delta);
					}
				});
				choice.delta()
					.toolCalls()
					.ifPresent((calls) -> calls
						.forEach((call) -> toolCalls.computeIfAbsent(call.index(), (index) -> new ToolCallParts())
							.add(call)));
			}));
		}
		if (!toolCalls.isEmpty()) {
			ToolCallParts first = toolCalls.values().iterator().next();
			if (first.name.isEmpty()) {
				throw new LanguageModelException("the model streamed a tool call without a name");
			}
			return new ModelReply.ToolCall(first.name.toString(), first.arguments.toString());
		}
		return new ModelReply.Text(text.toString());
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse("") : "";
	}

	/**
	 * A streamed tool call arrives in pieces: the name first, the arguments in fragments.
	 */
	private static final class ToolCallParts {

		final StringBuilder name = new StringBuilder();

		final StringBuilder arguments = new StringBuilder();

		void add(ChatCompletionChunk.Choice.Delta.ToolCall call) {
			call.function().ifPresent((function) -> {
				function.name().ifPresent(this.name::append);
				function.arguments().ifPresent(this.arguments::append);
			});
		}

	}

}

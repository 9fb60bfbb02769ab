package com.homemadealexa.voice;

import java.io.IOException;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.homemadealexa.assistant.Interpretation;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Typed commands, answered by the same interpreter as speech: {@code /api/public/chat}
 * for the webapp (the same reply as {@code /api/public/stt}, spoken audio included) and
 * {@code /api/internal/chat} for the console and scripts (the answer as text, and with
 * {@code ?device=} also spoken on the audio server as if that device had heard it).
 */
@RestController
class ChatController {

	/** The body: a command of at most {@value #MAX_COMMAND_CHARS} characters, as JSON. */
	static final int MAX_BODY_BYTES = 16 * 1024;

	static final int MAX_COMMAND_CHARS = 2000;

	/** A device waits this long for its reply (the firmware's budget). */
	static final int DEVICE_ANSWER_SECONDS = 30;

	private static final Logger log = LoggerFactory.getLogger(ChatController.class);

	private final WebappReplies webappReplies;

	private final DeviceReplies deviceReplies;

	private final Answers answers;

	private final DeviceTurns turns;

	private final Devices devices;

	private final MeterRegistry meters;

	private final JsonMapper json;

	ChatController(WebappReplies webappReplies, DeviceReplies deviceReplies, Answers answers, DeviceTurns turns,
			Devices devices, MeterRegistry meters, JsonMapper json) {
		this.webappReplies = webappReplies;
		this.deviceReplies = deviceReplies;
		this.answers = answers;
		this.turns = turns;
		this.devices = devices;
		this.meters = meters;
		this.json = json;
	}

	@PostMapping("/api/public/chat")
	SpeechController.WebappReply webappChat(HttpServletRequest request, @Nullable Principal principal) {
		Heard heard = typed(request);
		try {
			String user = (principal != null) ? principal.getName() : "webapp";
			WebappReplies.WebappAnswer answer = this.webappReplies.answer(heard, user);
			return new SpeechController.WebappReply("ok", heard.text(), answer.next(), answer.wav(), answer.phrase());
		}
		finally {
			MDC.remove("utterance");
		}
	}

	@PostMapping("/api/internal/chat")
	ChatReply chat(HttpServletRequest request,
			@RequestParam(name = "device", required = false) @Nullable String device) {
		DeviceInfo target = (device == null || device.isBlank()) ? null : speakerOf(device);
		Heard heard = typed(request);
		try {
			if (target == null) {
				String conversationId = "chat:" + request.getRemoteAddr();
				Interpretation answer = this.answers.answer(conversationId, heard, (sentence) -> {
				});
				this.answers.remember(heard, conversationId, answer);
				return new ChatReply(answer.phrase(), answer.label(), null);
			}
			Interpretation answer = spokenOn(target, heard);
			return new ChatReply(answer.phrase(), answer.label(),
					(target.hostname() != null) ? target.hostname() : target.address());
		}
		finally {
			MDC.remove("utterance");
		}
	}

	/**
	 * Answers as if the device had heard the command: the answer plays on the audio
	 * server, then the device gets {@code listen} or {@code idle}, and a newer utterance
	 * or wake word from it interrupts as usual. Returns once the answer is known, while
	 * it plays.
	 */
	private Interpretation spokenOn(DeviceInfo target, Heard heard) {
		CompletableFuture<Interpretation> answered = new CompletableFuture<>();
		Turn turn = this.turns.begin(target.address(), heard.utteranceId());
		turn.received();
		this.deviceReplies.answer(heard, target.address(), turn, answered::complete);
		try {
			return answered.get(DEVICE_ANSWER_SECONDS, TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			log.warn("Utterance {} got no answer for {} within {} s", heard.utteranceId(), target.address(),
					DEVICE_ANSWER_SECONDS);
			throw problem(HttpStatus.GATEWAY_TIMEOUT, "No answer within " + DEVICE_ANSWER_SECONDS + " s.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw problem(HttpStatus.SERVICE_UNAVAILABLE, "The server is stopping.");
		}
	}

	private DeviceInfo speakerOf(String device) {
		DeviceInfo target = this.devices.findByHostname(device)
			.or(() -> this.devices.findByAddress(device))
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No connected device is called " + device));
		if (target.webapp()) {
			throw problem(HttpStatus.BAD_REQUEST,
					device + " is a webapp tab: it speaks its own answers, not on the audio server.");
		}
		return target;
	}

	/**
	 * Reads the body within its limit. A typed command's stage times start when it
	 * arrives.
	 */
	private Heard typed(HttpServletRequest request) {
		String command = commandOf(request);
		String utteranceId = SpeechController.newUtteranceId(request);
		log.info("Utterance {} typed: \"{}\"", utteranceId, command);
		return new Heard(utteranceId, command, new UtteranceTimings(this.meters, System.nanoTime()), Heard.Input.TEXT,
				0);
	}

	private String commandOf(HttpServletRequest request) {
		byte[] body;
		try {
			if (request.getContentLengthLong() > MAX_BODY_BYTES) {
				throw tooLarge();
			}
			body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		}
		catch (IOException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "The request body was cut off.");
		}
		if (body.length > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		ChatRequest chat;
		try {
			chat = this.json.readValue(body, ChatRequest.class);
		}
		catch (JacksonException ex) {
			chat = null;
		}
		if (chat == null) {
			throw problem(HttpStatus.BAD_REQUEST, "The body must be JSON like {\"command\": \"what time is it\"}.");
		}
		String command = (chat.command() != null) ? chat.command().strip() : "";
		if (command.isEmpty()) {
			throw problem(HttpStatus.BAD_REQUEST, "command must not be empty.");
		}
		if (command.length() > MAX_COMMAND_CHARS) {
			throw problem(HttpStatus.BAD_REQUEST, "command must be at most " + MAX_COMMAND_CHARS + " characters.");
		}
		return command;
	}

	private static ErrorResponseException tooLarge() {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "The body must be at most " + MAX_BODY_BYTES + " bytes.");
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	record ChatRequest(@Nullable String command) {
	}

	/**
	 * @param responsePhrase the answer
	 * @param label how it was found, for logs
	 * @param device where it is spoken, or null when it is not
	 */
	record ChatReply(@JsonProperty("response_phrase") String responsePhrase, String label,
			@JsonProperty("device") @Nullable String device) {
	}

}

package com.homemadealexa.voice;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.homemadealexa.speech.SpeechException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Speech in, answer out: {@code /api/internal/stt} for devices (answered as soon as the
 * transcript exists), {@code /api/public/stt} for the webapp (answered with the spoken
 * audio). Typed commands are {@link ChatController}'s.
 */
@RestController
class SpeechController {

	private static final Logger log = LoggerFactory.getLogger(SpeechController.class);

	private static final String UTTERANCE_ID = SpeechController.class.getName() + ".utteranceId";

	private final Transcriber transcriber;

	private final DeviceReplies deviceReplies;

	private final WebappReplies webappReplies;

	private final DeviceTurns turns;

	private final RecentUtterances recent;

	private final DeviceReplyFit deviceReplyFit;

	SpeechController(Transcriber transcriber, DeviceReplies deviceReplies, WebappReplies webappReplies,
			DeviceTurns turns, RecentUtterances recent, DeviceReplyFit deviceReplyFit) {
		this.deviceReplyFit = deviceReplyFit;
		this.transcriber = transcriber;
		this.deviceReplies = deviceReplies;
		this.webappReplies = webappReplies;
		this.turns = turns;
		this.recent = recent;
	}

	@PostMapping("/api/internal/stt")
	DeviceReplyFit.DeviceReply deviceUtterance(HttpServletRequest request,
			@RequestHeader(name = "x-audio-codec", required = false) @Nullable String codec,
			@RequestHeader(name = "x-audio-sample-rate", required = false) @Nullable String sampleRate,
			@RequestHeader(name = "x-audio-bits", required = false) @Nullable String bits,
			@RequestHeader(name = "x-audio-channel", required = false) @Nullable String channels) throws IOException {
		var format = AudioHeaders.parse(codec, sampleRate, bits, channels);
		String utteranceId = newUtteranceId(request);
		String address = request.getRemoteAddr();
		// A new utterance makes the device's previous reply stale right away.
		Turn turn = this.turns.begin(address, utteranceId);
		try {
			Heard heard = this.transcriber.transcribe(request.getInputStream(), format, utteranceId);
			turn.received();
			this.deviceReplies.answer(heard, address, turn);
			return this.deviceReplyFit.reply(heard.text());
		}
		catch (RuntimeException ex) {
			this.turns.end(address, turn);
			throw ex;
		}
		finally {
			MDC.remove("utterance");
		}
	}

	@PostMapping("/api/public/stt")
	WebappReply webappUtterance(HttpServletRequest request, @Nullable Principal principal,
			@RequestHeader(name = "x-audio-codec", required = false) @Nullable String codec,
			@RequestHeader(name = "x-audio-sample-rate", required = false) @Nullable String sampleRate,
			@RequestHeader(name = "x-audio-bits", required = false) @Nullable String bits,
			@RequestHeader(name = "x-audio-channel", required = false) @Nullable String channels) throws IOException {
		var format = AudioHeaders.parse(codec, sampleRate, bits, channels);
		String utteranceId = newUtteranceId(request);
		try {
			Heard heard = this.transcriber.transcribe(request.getInputStream(), format, utteranceId);
			if (heard.audioBytes() == 0) {
				throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "The request carries no audio.");
			}
			String user = (principal != null) ? principal.getName() : "webapp";
			WebappReplies.WebappAnswer answer = this.webappReplies.answer(heard, user);
			return new WebappReply("ok", heard.text(), answer.next(), answer.wav(), answer.phrase());
		}
		finally {
			MDC.remove("utterance");
		}
	}

	@GetMapping("/api/internal/utterances")
	List<RecentUtterances.Entry> recentUtterances() {
		return this.recent.newestFirst();
	}

	@ExceptionHandler(SpeechException.class)
	ResponseEntity<ProblemDetail> speechToTextFailed(SpeechException ex, HttpServletRequest request) {
		Object utteranceId = request.getAttribute(UTTERANCE_ID);
		log.warn("Utterance {} failed at stage stt: {}", utteranceId, ex.getMessage());
		this.recent.failed(String.valueOf(utteranceId), sourceOf(request),
				new RecentUtterances.Failure("stt", String.valueOf(ex.getMessage())));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"Speech-to-text failed: " + ex.getMessage());
		problem.setTitle("STT error");
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
	}

	private static String sourceOf(HttpServletRequest request) {
		Principal user = request.getUserPrincipal();
		return request.getRequestURI().startsWith("/api/public/")
				? "webapp:" + ((user != null) ? user.getName() : "webapp") : request.getRemoteAddr();
	}

	static String newUtteranceId(HttpServletRequest request) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		MDC.put("utterance", id);
		// The exception handlers run after the MDC is cleared; they read the id from
		// here.
		request.setAttribute(UTTERANCE_ID, id);
		return id;
	}

	/**
	 * The original fields, plus {@code answer}: the spoken answer as text, for the log.
	 * The WAV is written as standard base64 by Jackson while the body is written, with no
	 * base64 string of its own in between.
	 */
	record WebappReply(String status, String command, String next,
			@JsonProperty("audio_b64") byte @Nullable [] audioB64, String answer) {
	}

}

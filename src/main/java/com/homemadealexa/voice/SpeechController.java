package com.homemadealexa.voice;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.homemadealexa.speech.SpeechException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

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

	private final Transcriber transcriber;

	private final Utterances utterances;

	private final DeviceReplies deviceReplies;

	private final WebappReplies webappReplies;

	private final RecentUtterances recent;

	private final DeviceReplyFit deviceReplyFit;

	SpeechController(Transcriber transcriber, Utterances utterances, DeviceReplies deviceReplies,
			WebappReplies webappReplies, RecentUtterances recent, DeviceReplyFit deviceReplyFit) {
		this.transcriber = transcriber;
		this.utterances = utterances;
		this.deviceReplies = deviceReplies;
		this.webappReplies = webappReplies;
		this.recent = recent;
		this.deviceReplyFit = deviceReplyFit;
	}

	@PostMapping("/api/internal/stt")
	DeviceReplyFit.DeviceReply deviceUtterance(HttpServletRequest request,
			@RequestHeader(name = "x-audio-codec", required = false) @Nullable String codec,
			@RequestHeader(name = "x-audio-sample-rate", required = false) @Nullable String sampleRate,
			@RequestHeader(name = "x-audio-bits", required = false) @Nullable String bits,
			@RequestHeader(name = "x-audio-channel", required = false) @Nullable String channels) throws IOException {
		var format = AudioHeaders.parse(codec, sampleRate, bits, channels);
		// A new utterance makes the device's previous reply stale right away.
		Utterance utterance = this.utterances.spokenOnDevice(request.getRemoteAddr());
		try (Utterance.Scope scope = utterance.bind()) {
			this.transcriber.transcribe(request.getInputStream(), format, utterance);
			utterance.received();
			// Closed once the answer has been spoken.
			this.deviceReplies.answer(utterance);
			return this.deviceReplyFit.reply(utterance.text());
		}
		catch (IOException | RuntimeException ex) {
			utterance.close();
			throw ex;
		}
	}

	@PostMapping("/api/public/stt")
	WebappReply webappUtterance(HttpServletRequest request, @Nullable Principal principal,
			@RequestHeader(name = "x-audio-codec", required = false) @Nullable String codec,
			@RequestHeader(name = "x-audio-sample-rate", required = false) @Nullable String sampleRate,
			@RequestHeader(name = "x-audio-bits", required = false) @Nullable String bits,
			@RequestHeader(name = "x-audio-channel", required = false) @Nullable String channels) throws IOException {
		var format = AudioHeaders.parse(codec, sampleRate, bits, channels);
		Utterance utterance = this.utterances.spokenInWebapp((principal != null) ? principal.getName() : "webapp");
		try (Utterance.Scope scope = utterance.bind()) {
			if (this.transcriber.transcribe(request.getInputStream(), format, utterance) == 0) {
				throw new AudioRejectedException(HttpStatus.BAD_REQUEST, "The request carries no audio.");
			}
			return reply(utterance, this.webappReplies.answer(utterance));
		}
		finally {
			utterance.close();
		}
	}

	static WebappReply reply(Utterance utterance, WebappReplies.WebappAnswer answer) {
		return new WebappReply("ok", utterance.text(), answer.next(), answer.wav(), answer.phrase());
	}

	@GetMapping("/api/internal/utterances")
	List<RecentUtterances.Entry> recentUtterances() {
		return this.recent.newestFirst();
	}

	/** Logged, and kept in the recent list, by the utterance it failed. */
	@ExceptionHandler(SpeechException.class)
	ResponseEntity<ProblemDetail> speechToTextFailed(SpeechException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"Speech-to-text failed: " + ex.getMessage());
		problem.setTitle("STT error");
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
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

package com.homemadealexa.audio;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/internal/abort}: stops playback on the audio server. Answers
 * {@code {"status": "ok"}} when the audio server accepted the request, a {@code 502}
 * problem when it refused or was unreachable, and a {@code 503} problem when no audio
 * server is configured. (The Python server always answered ok; a real status lets admin
 * scripts see that the speaker did not stop.)
 */
@RestController
class AbortController {

	private final Speaker speaker;

	private final AudioServerSettings settings;

	AbortController(Speaker speaker, AudioServerSettings settings) {
		this.speaker = speaker;
		this.settings = settings;
	}

	@PostMapping("/api/internal/abort")
	Map<String, String> abort() {
		if (!this.settings.configured()) {
			throw problem(HttpStatus.SERVICE_UNAVAILABLE, "No audio server is configured (audio_server.url).");
		}
		if (!this.speaker.abort()) {
			throw problem(HttpStatus.BAD_GATEWAY, "The audio server did not accept the abort request.");
		}
		return Map.of("status", "ok");
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}

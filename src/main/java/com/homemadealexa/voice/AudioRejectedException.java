package com.homemadealexa.voice;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The uploaded audio cannot be used: wrong format, too long, empty or cut off.
 */
class AudioRejectedException extends ErrorResponseException {

	AudioRejectedException(HttpStatusCode status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}

package com.homemadealexa.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as an RFC 9457 problem body. Spring's own exceptions (bad JSON,
 * wrong method, missing route, {@code ErrorResponseException}s thrown by features) keep
 * their status; anything unexpected becomes a 500 problem without internals, and the
 * cause is logged here, once.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	/**
	 * A body sent as multipart that is not (Spring's base class covers only the size
	 * limit, as 413).
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
		log.debug("Unreadable multipart request: {}", ex.getMessage());
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The multipart body could not be read."));
	}

	/**
	 * Spring refuses to read a body declared as {@code *}{@code /*} or {@code text/*}
	 * with an IllegalArgumentException; that is the client's mistake, so 415.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		if (wildcard(request.getContentType())) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"The Content-Type must name one media type, not a wildcard."));
		}
		return unexpected(ex);
	}

	/**
	 * Tomcat could not decode the request's parameters (bad percent-encoding in the query
	 * or a form body); its error code is the status to answer.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
		HttpStatus answer = (status != null && status.is4xxClientError()) ? status : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(answer)
			.body(ProblemDetail.forStatusAndDetail(answer, "The request parameters could not be decoded."));
	}

	/**
	 * Spring Security's firewall checks parameter names and values only when they are
	 * read, so its refusal can surface inside a handler.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
		log.info("Rejected request: {}", ex.getMessage());
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not allowed."));
	}

	/**
	 * A chunked body that passed {@link BodyLimitFilter}'s limit while being parsed is a
	 * 413, not a 400.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed to handle the request; the cause is in its log.");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static boolean wildcard(@Nullable String contentType) {
		try {
			return contentType != null && MediaType.parseMediaType(contentType).isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}

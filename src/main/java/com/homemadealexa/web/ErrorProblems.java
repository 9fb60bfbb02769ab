package com.homemadealexa.web;

import java.net.URI;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem body. Errors that
 * happen outside Spring MVC's handlers, such as a request body cut off while Tomcat reads
 * it, end up here; Boot's default error controller would answer them in its own JSON
 * shape.
 */
@RestController
class ErrorProblems implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			// Asked for directly: there is no error to report, so no such page.
			ProblemDetail missing = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such page.");
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(missing);
		}
		HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				status.is4xxClientError() ? "The request could not be handled as sent."
						: "The server failed to handle the request; the cause is in its log.");
		problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(@Nullable Object code) {
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static @Nullable URI instance(@Nullable Object requestUri) {
		try {
			return (requestUri instanceof String uri) ? URI.create(uri) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

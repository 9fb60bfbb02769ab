package com.homemadealexa.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body that is not audio or a firmware upload (those have limits of
 * their own) to {@value #MAX_BYTES} bytes: a declared larger body is refused with 413
 * before it is read, a chunked one when it passes the limit. Without it a multi-megabyte
 * JSON body would be parsed into memory before validation could refuse it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

	static final int MAX_BYTES = 64 * 1024;

	private static final Set<String> OWN_LIMITS = Set.of("/api/internal/stt", "/api/public/stt",
			"/api/internal/firmware");

	private final JsonMapper json;

	BodyLimitFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return OWN_LIMITS.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than " + MAX_BYTES / 1024 + " KiB.");
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new BoundedRequest(request), response);
	}

	/** Thrown while reading a chunked body that passes the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("The request body is larger than " + MAX_BYTES / 1024 + " KiB.");
		}

	}

	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private @Nullable ServletInputStream bounded;

		BoundedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.bounded == null) {
				this.bounded = new BoundedStream(super.getInputStream());
			}
			return this.bounded;
		}

	}

	private static final class BoundedStream extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		BoundedStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > MAX_BYTES) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}

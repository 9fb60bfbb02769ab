package com.homemadealexa.firmware;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Makes a URL that tries to leave a folder ({@code /firmware/..%2fsecret.bin}) end as a
 * 400 problem body instead of Tomcat's HTML error page. Tomcat lets encoded slashes and
 * backslashes through unchanged, so Spring Security's firewall sees and rejects them (and
 * encoded dots); this handler answers for the firewall. It applies to every route.
 */
@Configuration(proxyBeanMethods = false)
class RejectedPaths {

	private static final Logger log = LoggerFactory.getLogger(RejectedPaths.class);

	@Bean
	TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
		return (connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			connector.setEncodedReverseSolidusHandling("passthrough");
		};
	}

	@Bean
	RequestRejectedHandler rejectedRequestsAsProblems(JsonMapper json) {
		return (request, response, exception) -> {
			log.info("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", HttpStatus.BAD_REQUEST.getReasonPhrase());
			problem.put("status", HttpStatus.BAD_REQUEST.value());
			problem.put("detail", "The URL is not allowed (it may try to leave a folder)");
			problem.put("instance", request.getRequestURI());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(json.writeValueAsBytes(problem));
		};
	}

}

package com.homemadealexa.auth;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what. Public routes (behind the reverse proxy) need a JWT, except login;
 * internal routes are for the LAN only, under the server's own names, and change nothing
 * for a web page of another origin. CSRF tokens are off: nothing here uses cookies, and
 * {@link SameOriginFilter} refuses cross-site writes by {@code Origin}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtTokens tokens, TrustedNetworks trusted,
			ServerNames names, JsonMapper json) throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		// The filters are not beans, so the servlet container does not run them a second
		// time outside the security chain.
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(new LanOnlyFilter(trusted, problems), SecurityContextHolderFilter.class)
			.addFilterAfter(new SameOriginFilter(LanOnlyFilter.LAN_ONLY, names, problems), LanOnlyFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/public/auth/login", "/error")
				.permitAll()
				.requestMatchers("/api/public/**")
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

	/**
	 * Passwords are checked by the login route only. Having this bean also stops Boot
	 * from creating a default user and logging its generated password.
	 */
	@Bean
	AuthenticationManager noUsernamePasswordAuthentication() {
		return (authentication) -> {
			throw new ProviderNotFoundException("Log in with POST /api/public/auth/login.");
		};
	}

}

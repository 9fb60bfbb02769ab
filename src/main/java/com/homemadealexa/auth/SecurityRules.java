package com.homemadealexa.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Public routes (behind the reverse proxy) need a JWT, except login;
 * internal routes are for the LAN only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/public/auth/login", "/error")
				.permitAll()
				.requestMatchers("/api/public/**")
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

}

package com.homemadealexa.audio;

import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AbortControllerTest {

	@Test
	void answersServiceUnavailableWithoutAnAudioServer() {
		AudioServerSettings none = new AudioServerSettings("", 1);
		AbortController controller = new AbortController(
				new Speaker(new AudioServerClient(none), java.time.Clock.systemUTC()), none);

		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(controller::abort)
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(503));
	}

}

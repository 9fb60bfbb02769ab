package com.homemadealexa.voice;

import com.homemadealexa.audio.PcmFormat;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AudioHeadersTest {

	@Test
	void defaultsToWhatDevicesSend() {
		assertThat(AudioHeaders.parse(null, null, null, null)).isEqualTo(PcmFormat.SPEECH);
	}

	@Test
	void acceptsOtherPcmFormats() {
		assertThat(AudioHeaders.parse("PCM", "48000", "24", "2")).isEqualTo(new PcmFormat(48000, 24, 2));
	}

	@Test
	void refusesAnotherCodecAsUnsupportedMediaType() {
		assertThatExceptionOfType(AudioRejectedException.class)
			.isThrownBy(() -> AudioHeaders.parse("opus", null, null, null))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
	}

	@Test
	void refusesNonsenseNumbersAsBadRequest() {
		for (String[] headers : new String[][] { { "abc", "16", "1" }, { "100", "16", "1" }, { "16000", "12", "1" },
				{ "16000", "16", "0" }, { "16000", "16", "9" }, { "99999999999", "16", "1" } }) {
			assertThatExceptionOfType(AudioRejectedException.class)
				.isThrownBy(() -> AudioHeaders.parse("pcm", headers[0], headers[1], headers[2]))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		}
	}

}

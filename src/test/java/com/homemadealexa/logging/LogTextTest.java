package com.homemadealexa.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

	@Test
	void escapesEveryCharacterThatCouldStartALine() {
		assertThat(LogText.neutralize("box\nINFO forged")).isEqualTo("box\\nINFO forged");
		assertThat(LogText.neutralize("a\rb\tc")).isEqualTo("a\\rb\\tc");
		assertThat(LogText.neutralize("nel\u0085ls\u2028ps\u2029")).isEqualTo("nel\\u0085ls\\u2028ps\\u2029");
		assertThat(LogText.neutralize("esc\u001b[31mred\u007f")).isEqualTo("esc\\u001B[31mred\\u007F");
		assertThat(LogText.neutralize("rtl\u202Egnp.exe")).isEqualTo("rtl\\u202Egnp.exe");
	}

	@Test
	void leavesOrdinaryTextAloneAndUnCopied() {
		String text = "Zażółć gęślą jaźń – box-kitchen 🙂";
		assertThat(LogText.neutralize(text)).isSameAs(text);
	}

	@Test
	void masksTokenParametersInUrls() {
		assertThat(LogText.maskTokens("Securing GET /ws/public?token=eyJhbGciOi.x.y"))
			.isEqualTo("Securing GET /ws/public?token=(hidden)");
		assertThat(LogText.maskTokens("GET \"/ws/public?a=1&TOKEN=abc&b=2\""))
			.isEqualTo("GET \"/ws/public?a=1&TOKEN=(hidden)&b=2\"");
		assertThat(LogText.maskTokens("a token= that is no parameter")).isEqualTo("a token= that is no parameter");
	}

}

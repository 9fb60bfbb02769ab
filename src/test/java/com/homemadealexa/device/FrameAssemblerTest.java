package com.homemadealexa.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FrameAssemblerTest {

	private final FrameAssembler assembler = new FrameAssembler();

	@Test
	void aMessageInOnePartIsReturnedAsItIs() throws Exception {
		assertThat(this.assembler.text("{\"wakeword\": true}", true)).isEqualTo("{\"wakeword\": true}");
	}

	@Test
	void partsArePutBackTogetherInOrder() throws Exception {
		assertThat(this.assembler.text("{\"hello\": {\"host", false)).isNull();
		assertThat(this.assembler.text("name\": \"kitchen\"", false)).isNull();
		assertThat(this.assembler.text("}}", true)).isEqualTo("{\"hello\": {\"hostname\": \"kitchen\"}}");
		assertThat(this.assembler.text("next", true)).isEqualTo("next");
	}

	@Test
	void takesAMessageOfExactlyTheLimit() throws Exception {
		String half = "x".repeat(FrameAssembler.MAX_MESSAGE_CHARS / 2);
		assertThat(this.assembler.text(half, false)).isNull();
		assertThat(this.assembler.text(half, true)).hasSize(FrameAssembler.MAX_MESSAGE_CHARS);
	}

	@Test
	void refusesATextMessageOverTheLimitAndStartsAfreshAfterwards() throws Exception {
		String half = "x".repeat(FrameAssembler.MAX_MESSAGE_CHARS / 2);
		this.assembler.text(half, false);
		this.assembler.text(half, false);
		assertThatExceptionOfType(FrameAssembler.TooBig.class).isThrownBy(() -> this.assembler.text("x", false));
		assertThat(this.assembler.text("{}", true)).isEqualTo("{}");
	}

	@Test
	void refusesABinaryMessageOverTheLimit() throws Exception {
		assertThat(this.assembler.binary(FrameAssembler.MAX_MESSAGE_CHARS, false)).isFalse();
		assertThatExceptionOfType(FrameAssembler.TooBig.class).isThrownBy(() -> this.assembler.binary(1, true));
		assertThat(this.assembler.binary(10, true)).isTrue();
	}

}

package com.homemadealexa.benchmark;

import java.util.List;

/**
 * OpenAI's speech-to-text, chat and text-to-speech as one loopback server for the
 * benchmarks, every answer after the same latency: {@link LeanOpenAi} (the default) or
 * {@link WireMockOpenAi} ({@code -Dbenchmark.fakes=wiremock}, and for the benchmarks that
 * need WireMock's trickled or tool-call answers).
 */
interface OpenAiFake extends AutoCloseable {

	/** {@code http://127.0.0.1:<port>/v1}, the value for {@code openai.base-url}. */
	String baseUrl();

	/** Every transcription returns this text. */
	void hears(String transcript);

	/**
	 * Chat requests whose last user message contains {@code userText} (as the server
	 * sends it: lower case, without trailing punctuation) get these pieces, streamed when
	 * the request asks to stream, else as one answer.
	 */
	void replies(String userText, List<String> pieces);

	/** Every speech request returns this WAV. */
	void speaks(byte[] wav);

	@Override
	void close();

}

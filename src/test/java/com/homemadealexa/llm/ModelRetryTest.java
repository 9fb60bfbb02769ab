package com.homemadealexa.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.homemadealexa.testsupport.LoopbackWireMock;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import com.homemadealexa.testsupport.OpenAiSpeechStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The model is asked once more on a connection failure before its first token, and never
 * otherwise: against a loopback server that resets the first connection.
 */
class ModelRetryTest {

	static final WireMockServer openAi = LoopbackWireMock.start();

	static final OpenAiChatStubs chat = new OpenAiChatStubs(openAi);

	private final List<String> deltas = new ArrayList<>();

	private final ModelRequest request = new ModelRequest("You are Alexa.", List.of(), "tell me a joke", List.of());

	@BeforeEach
	void reset() {
		openAi.resetAll();
	}

	@AfterAll
	static void stop() {
		openAi.stop();
	}

	@Test
	void aResetConnectionIsRetriedOnceAndTheAnswerStreamsOnce() {
		resetFirstThen(OpenAiChatStubs.streamResponse(List.of("Why did ", "the chicken...")));

		ModelReply reply = model(true, 5).reply(this.request, this.deltas::add);

		assertThat(reply).isEqualTo(new ModelReply.Text("Why did the chicken..."));
		assertThat(this.deltas).containsExactly("Why did ", "the chicken...");
		assertThat(chat.requestCount()).isEqualTo(2);
	}

	@Test
	void aResetConnectionIsRetriedForAWholeAnswerToo() {
		resetFirstThen(OpenAiChatStubs.textResponse("Knock knock."));

		assertThat(model(false, 5).reply(this.request, this.deltas::add))
			.isEqualTo(new ModelReply.Text("Knock knock."));
		assertThat(chat.requestCount()).isEqualTo(2);
	}

	@Test
	void aConnectionThatKeepsFailingIsTriedTwiceOnly() {
		openAi.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(LanguageModelException.class)
			.isThrownBy(() -> model(true, 5).reply(this.request, this.deltas::add));
		assertThat(chat.requestCount()).isEqualTo(2);
	}

	@Test
	void aServerErrorIsNotRetried() {
		chat.failWith(503);

		assertThatExceptionOfType(LanguageModelException.class)
			.isThrownBy(() -> model(true, 5).reply(this.request, this.deltas::add));
		assertThat(chat.requestCount()).isEqualTo(1);
	}

	@Test
	void aTimeoutIsNotRetried() {
		openAi.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH))
			.willReturn(OpenAiChatStubs.textResponse("too late").withFixedDelay(2500)));

		assertThatExceptionOfType(LanguageModelException.class)
			.isThrownBy(() -> model(false, 1).reply(this.request, this.deltas::add));
		assertThat(chat.requestCount()).isEqualTo(1);
	}

	@Test
	void aConnectionResetAfterTheFirstTokenIsNotRetried() throws Exception {
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> answerOnePieceThenReset(server, connections));
			OpenAiLanguageModel model = new OpenAiLanguageModel(new OpenAiSettings("test-key",
					"http://127.0.0.1:" + server.getLocalPort() + "/v1", "gpt-4.1", 300, 5, true));

			assertThatExceptionOfType(LanguageModelException.class)
				.isThrownBy(() -> model.reply(this.request, this.deltas::add));
		}
		assertThat(this.deltas).containsExactly("Why did ");
		assertThat(connections.get()).isEqualTo(1);
	}

	@Test
	void tellsConnectionFailuresFromTheRest() {
		assertThat(ConnectionRetry.isConnectionFailure(new java.net.ConnectException("Connection refused"))).isTrue();
		assertThat(ConnectionRetry
			.isConnectionFailure(new RuntimeException(new java.net.SocketException("Connection reset")))).isTrue();
		assertThat(ConnectionRetry.isConnectionFailure(new IOException("unexpected end of stream on http://x/...")))
			.isTrue();
		assertThat(ConnectionRetry.isConnectionFailure(new java.net.SocketTimeoutException("Read timed out")))
			.isFalse();
		assertThat(ConnectionRetry.isConnectionFailure(new java.net.SocketException("Socket closed"))).isFalse();
		assertThat(ConnectionRetry.isConnectionFailure(new IllegalStateException("HTTP 500"))).isFalse();
	}

	private static void resetFirstThen(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		openAi.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH)).inScenario("reset")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		openAi.stubFor(post(urlEqualTo(OpenAiChatStubs.PATH)).inScenario("reset")
			.whenScenarioStateIs("up")
			.willReturn(answer));
	}

	/** One SSE piece of text, then a TCP reset: a model that died mid-answer. */
	private static void answerOnePieceThenReset(ServerSocket server, AtomicInteger connections) {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				connections.incrementAndGet();
				readRequest(socket.getInputStream());
				String first = OpenAiChatStubs.sseEvents(List.of("Why did ")).get(1);
				OutputStream out = socket.getOutputStream();
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				byte[] piece = first.getBytes(StandardCharsets.UTF_8);
				out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(piece);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				// Only once the client has taken the piece: wait for it to ask for more.
				socket.setSoTimeout(300);
				try {
					socket.getInputStream().read();
				}
				catch (java.net.SocketTimeoutException ex) {
					// Nothing more comes from a client reading a stream.
				}
				socket.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next == -1) {
				return;
			}
			head.append((char) next);
		}
		String headers = head.toString().toLowerCase();
		int at = headers.indexOf("content-length:");
		if (at >= 0) {
			int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).strip());
			in.readNBytes(length);
		}
	}

	private static OpenAiLanguageModel model(boolean stream, int timeoutSeconds) {
		return new OpenAiLanguageModel(new OpenAiSettings("test-key", OpenAiSpeechStubs.baseUrl(openAi), "gpt-4.1", 300,
				timeoutSeconds, stream));
	}

}

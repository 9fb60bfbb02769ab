package com.homemadealexa.llm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.homemadealexa.testsupport.OpenAiChatStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The transport under openai-java against a loopback server that reads and writes raw
 * HTTP/1.1, so what goes over the wire is what is asserted.
 */
@Timeout(30)
class OpenAiTransportTest {

	private final Provider provider = new Provider();

	private final OpenAIClient client = OpenAiTransport.client("test-key", this.provider.baseUrl(),
			Duration.ofSeconds(5));

	@AfterEach
	void stop() throws IOException {
		this.client.close();
		this.provider.close();
	}

	@Test
	void sendsTheKeyAndTheMultipartUploadAsGivenInHttp11() throws Exception {
		byte[] wav = new byte[20_000];
		for (int i = 0; i < wav.length; i++) {
			wav[i] = (byte) ('a' + i % 26);
		}
		this.provider.answer((exchange, out) -> out
			.write(response("200 OK", "application/json", "{\"text\":\"turn on the lamp\"}")));

		String text = this.client.audio().transcriptions().create(transcription(wav)).asTranscription().text();

		assertThat(text).isEqualTo("turn on the lamp");
		Exchange sent = this.provider.exchanges.take();
		assertThat(sent.requestLine()).isEqualTo("POST /v1/audio/transcriptions HTTP/1.1");
		assertThat(sent.header("authorization")).isEqualTo("Bearer test-key");
		assertThat(sent.header("content-type")).startsWith("multipart/form-data; boundary=");
		assertThat(sent.header("content-length")).isEqualTo(String.valueOf(sent.body().length));
		assertThat(sent.header("upgrade")).isNull();
		String boundary = sent.header("content-type").substring("multipart/form-data; boundary=".length());
		String body = new String(sent.body(), StandardCharsets.ISO_8859_1);
		assertThat(body).startsWith("--" + boundary + "\r\n")
			.contains(
					"Content-Disposition: form-data; name=\"model\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
							+ "whisper-1\r\n")
			.contains("filename=\"utterance.wav\"")
			.contains("Content-Type: audio/wav\r\n\r\n" + new String(wav, StandardCharsets.ISO_8859_1) + "\r\n--"
					+ boundary)
			.endsWith("--" + boundary + "--\r\n");
	}

	@Test
	void sendsAChatRequestAsJson() throws Exception {
		this.provider.answer((exchange, out) -> out.write(chunked("200 OK", "text/event-stream")
				+ chunk(String.join("", OpenAiChatStubs.sseEvents(List.of("Hello.")))) + "0\r\n\r\n"));

		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(chat())) {
			assertThat(stream.stream().count()).isEqualTo(3);
		}

		Exchange sent = this.provider.exchanges.take();
		assertThat(sent.requestLine()).isEqualTo("POST /v1/chat/completions HTTP/1.1");
		assertThat(sent.header("content-type")).isEqualTo("application/json");
		assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("\"model\":\"gpt-4.1\"")
			.contains("\"stream\":true")
			.contains("\"content\":\"hi\"");
	}

	@Test
	void aStreamedAnswerIsReadWhileItIsStillBeingWritten() throws Exception {
		List<String> events = OpenAiChatStubs.sseEvents(List.of("Hello. ", "The rest."));
		CountDownLatch firstTaken = new CountDownLatch(1);
		this.provider.answer((exchange, out) -> {
			out.write(chunked("200 OK", "text/event-stream") + chunk(events.get(0) + events.get(1)));
			out.flush();
			firstTaken.await();
			out.write(chunk(events.get(2) + events.get(3) + events.get(4)) + "0\r\n\r\n");
		});

		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(chat())) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			chunks.next();
			assertThat(chunks.next().choices().get(0).delta().content()).contains("Hello. ");
			firstTaken.countDown();
			assertThat(chunks.next().choices().get(0).delta().content()).contains("The rest.");
		}
	}

	@Test
	void closingAStreamMidAnswerClosesItsConnection() throws Exception {
		CountDownLatch clientClosed = new CountDownLatch(1);
		this.provider.answer((exchange, out) -> {
			out.write(chunked("200 OK", "text/event-stream")
					+ chunk(String.join("", OpenAiChatStubs.sseEvents(List.of("Hello. ")).subList(0, 2))));
			out.flush();
			if (exchange.in().read() == -1) {
				clientClosed.countDown();
			}
		});

		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(chat())) {
			stream.stream().iterator().next();
		}

		assertThat(clientClosed.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aProviderThatNeverAnswersTimesOutAndIsNotRetried() {
		this.provider.answer((exchange, out) -> exchange.in().read());
		OpenAIClient impatient = OpenAiTransport.client("test-key", this.provider.baseUrl(), Duration.ofSeconds(1));

		assertThatExceptionOfType(OpenAIIoException.class)
			.isThrownBy(() -> impatient.audio().transcriptions().create(transcription(new byte[100])))
			.satisfies((failure) -> assertThat(ConnectionRetry.isConnectionFailure(failure)).isFalse())
			.withRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
	}

	@Test
	void aProviderThatAcceptsNoConnectionTimesOutAndIsNotRetried() throws IOException {
		List<Socket> queued = new ArrayList<>();
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// Never accepted: once its backlog is full, the kernel drops further SYNs and
			// connecting stalls, as with a host that is down.
			for (int i = 0; i < 3; i++) {
				Socket socket = new Socket();
				queued.add(socket);
				try {
					socket.connect(full.getLocalSocketAddress(), 200);
				}
				catch (java.net.SocketTimeoutException ex) {
					// The backlog is full.
				}
			}
			OpenAIClient impatient = OpenAiTransport.client("test-key",
					"http://127.0.0.1:" + full.getLocalPort() + "/v1", Duration.ofSeconds(1));

			assertThatExceptionOfType(OpenAIIoException.class)
				.isThrownBy(() -> impatient.audio().transcriptions().create(transcription(new byte[100])))
				.satisfies((failure) -> assertThat(ConnectionRetry.isConnectionFailure(failure)).isFalse())
				.withCauseInstanceOf(java.net.http.HttpTimeoutException.class);
		}
		finally {
			for (Socket socket : queued) {
				socket.close();
			}
		}
	}

	@Test
	void aProviderThatStallsMidAnswerTimesOutAtTheCallsLimit() {
		this.provider.answer((exchange, out) -> {
			out.write(chunked("200 OK", "text/event-stream")
					+ chunk(String.join("", OpenAiChatStubs.sseEvents(List.of("Hello. ")).subList(0, 2))));
			out.flush();
			exchange.in().read();
		});
		OpenAIClient impatient = OpenAiTransport.client("test-key", this.provider.baseUrl(), Duration.ofSeconds(1));

		try (StreamResponse<ChatCompletionChunk> stream = impatient.chat().completions().createStreaming(chat())) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			chunks.next();
			chunks.next();
			assertThatExceptionOfType(OpenAIIoException.class).isThrownBy(chunks::next)
				.satisfies((failure) -> assertThat(ConnectionRetry.isConnectionFailure(failure)).isFalse())
				.havingCause()
				.isInstanceOf(java.net.SocketTimeoutException.class);
		}
	}

	@Test
	void aRefusedConnectionIsAConnectionFailureToRetry() throws IOException {
		int closedPort;
		try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = gone.getLocalPort();
		}
		OpenAIClient refused = OpenAiTransport.client("test-key", "http://127.0.0.1:" + closedPort + "/v1",
				Duration.ofSeconds(5));

		assertThatExceptionOfType(OpenAIIoException.class)
			.isThrownBy(() -> refused.audio().transcriptions().create(transcription(new byte[100])))
			.satisfies((failure) -> assertThat(ConnectionRetry.isConnectionFailure(failure)).isTrue())
			.withCauseInstanceOf(java.net.ConnectException.class);
	}

	@Test
	void anInterruptedCallCancelsItsExchange() throws Exception {
		CountDownLatch clientClosed = new CountDownLatch(1);
		this.provider.answer((exchange, out) -> {
			if (exchange.in().read() == -1) {
				clientClosed.countDown();
			}
		});
		BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
		Thread call = Thread.ofVirtual().start(() -> {
			try {
				this.client.audio().transcriptions().create(transcription(new byte[100]));
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
			if (Thread.currentThread().isInterrupted()) {
				failures.add(new InterruptedException("still interrupted"));
			}
		});
		this.provider.exchanges.take();

		call.interrupt();

		assertThat(failures.poll(10, TimeUnit.SECONDS)).isInstanceOf(OpenAIIoException.class)
			.hasCauseInstanceOf(java.io.InterruptedIOException.class);
		assertThat(failures.poll(10, TimeUnit.SECONDS)).hasMessage("still interrupted");
		assertThat(clientClosed.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void theAsynchronousClientRunsOnTheSameTransport() throws Exception {
		this.provider.answer((exchange, out) -> out.write(response("200 OK", "application/json", "{\"text\":\"hi\"}")));

		assertThat(this.client.async()
			.audio()
			.transcriptions()
			.create(transcription(new byte[100]))
			.get(10, TimeUnit.SECONDS)
			.asTranscription()
			.text()).isEqualTo("hi");
		assertThat(this.provider.exchanges.take().header("authorization")).isEqualTo("Bearer test-key");
	}

	@Test
	void everySocketSendsAtOnce() throws Exception {
		CountDownLatch inspected = new CountDownLatch(1);
		this.provider.answer((exchange, out) -> {
			inspected.await();
			out.write(response("200 OK", "application/json", "{\"text\":\"hi\"}"));
		});
		Thread call = Thread.ofVirtual()
			.start(() -> this.client.audio().transcriptions().create(transcription(new byte[100])));

		// The JDK keeps its sockets to itself; its selector holds every open one.
		List<SocketChannel> toProvider = new ArrayList<>();
		await().ignoreExceptions().untilAsserted(() -> {
			toProvider.clear();
			toProvider.addAll(channelsTo(this.provider.port()));
			assertThat(toProvider).isNotEmpty();
		});
		for (SocketChannel channel : toProvider) {
			assertThat(channel.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
		}
		inspected.countDown();
		call.join();
	}

	private static List<SocketChannel> channelsTo(int port) throws ReflectiveOperationException, IOException {
		Object impl = field(OpenAiTransport.jdk(), "impl");
		Object selectorManager = field(impl, "selmgr");
		Selector selector = (Selector) field(selectorManager, "selector");
		List<SocketChannel> channels = new ArrayList<>();
		for (SelectionKey key : List.copyOf(selector.keys())) {
			if (key.channel() instanceof SocketChannel channel && channel.isOpen()) {
				SocketAddress remote = channel.getRemoteAddress();
				if (remote instanceof InetSocketAddress address && address.getPort() == port) {
					channels.add(channel);
				}
			}
		}
		return channels;
	}

	private static Object field(Object owner, String name) throws ReflectiveOperationException {
		for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(owner);
			}
			catch (NoSuchFieldException ex) {
				// Declared further up.
			}
		}
		throw new NoSuchFieldException(owner.getClass() + "." + name);
	}

	private static TranscriptionCreateParams transcription(byte[] wav) {
		return TranscriptionCreateParams.builder()
			.file(MultipartField.<InputStream>builder()
				.value(new ByteArrayInputStream(wav))
				.filename("utterance.wav")
				.contentType("audio/wav")
				.build())
			.model("whisper-1")
			.responseFormat(AudioResponseFormat.JSON)
			.build();
	}

	private static ChatCompletionCreateParams chat() {
		return ChatCompletionCreateParams.builder().model("gpt-4.1").addUserMessage("hi").build();
	}

	private static String response(String status, String type, String body) {
		return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	private static String chunked(String status, String type) {
		return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n\r\n";
	}

	private static String chunk(String text) {
		return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
	}

	/** One request as it arrived. */
	record Exchange(String head, byte[] body, InputStream in) {

		String requestLine() {
			return this.head.lines().findFirst().orElse("");
		}

		String header(String name) {
			return this.head.lines()
				.skip(1)
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
				.map((line) -> line.substring(name.length() + 1).strip())
				.findFirst()
				.orElse(null);
		}

	}

	interface Answer {

		void write(Exchange exchange, Writer out) throws Exception;

	}

	/** The answer, written as UTF-8. */
	static final class Writer {

		private final OutputStream out;

		Writer(OutputStream out) {
			this.out = out;
		}

		void write(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
		}

		void flush() throws IOException {
			this.out.flush();
		}

	}

	/**
	 * A loopback provider answering each request of each connection with the answer set.
	 */
	static final class Provider implements AutoCloseable {

		final BlockingQueue<Exchange> exchanges = new LinkedBlockingQueue<>();

		private final ServerSocket server;

		private volatile Answer answer = (exchange, out) -> {
		};

		Provider() {
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread.ofVirtual().start(this::accept);
		}

		String baseUrl() {
			return "http://127.0.0.1:" + port() + "/v1";
		}

		int port() {
			return this.server.getLocalPort();
		}

		void answer(Answer answer) {
			this.answer = answer;
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					Thread.ofVirtual().start(() -> serve(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket) {
			try (socket) {
				InputStream in = socket.getInputStream();
				Writer out = new Writer(socket.getOutputStream());
				while (true) {
					String head = head(in);
					if (head == null) {
						return;
					}
					String length = new Exchange(head, new byte[0], in).header("content-length");
					byte[] body = (length != null) ? in.readNBytes(Integer.parseInt(length)) : new byte[0];
					Exchange exchange = new Exchange(head, body, in);
					this.exchanges.add(exchange);
					this.answer.write(exchange, out);
					out.flush();
				}
			}
			catch (Exception ex) {
				// The client went away.
			}
		}

		private static String head(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (true) {
				int next = in.read();
				if (next == -1) {
					return null;
				}
				head.write(next);
				byte[] bytes = head.toByteArray();
				int n = bytes.length;
				if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
						&& bytes[n - 1] == '\n') {
					return new String(bytes, StandardCharsets.ISO_8859_1);
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}

package com.homemadealexa.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.openai.client.OpenAIClient;

/**
 * An openai-java client ({@link OpenAiTransport#client}) that is built on a thread of its
 * own from the moment it is asked for, and waited for on first use.
 *
 * <p>
 * Building the first client of a process takes about a second of CPU (openai-java's
 * Jackson mapper with its Kotlin module, the JDK client's TLS context, some 3,000
 * classes); later ones take a millisecond. The providers are created while the
 * application context starts, which runs on one thread: built there, the clients
 * lengthened the start-up by that second. Built beside it, on the second core, they are
 * ready before the first utterance can arrive (docs/performance.md, section 8).
 * Thread-safe.
 */
public final class BackgroundClient implements AutoCloseable {

	private final CompletableFuture<OpenAIClient> client;

	private BackgroundClient(CompletableFuture<OpenAIClient> client) {
		this.client = client;
	}

	/**
	 * Starts building a client; the arguments are those of
	 * {@link OpenAiTransport#client}.
	 */
	public static BackgroundClient start(String apiKey, String baseUrl, Duration timeout) {
		return new BackgroundClient(
				CompletableFuture.supplyAsync(() -> OpenAiTransport.client(apiKey, baseUrl, timeout),
						(task) -> Thread.ofVirtual().name("openai-client-setup").start(task)));
	}

	/**
	 * The client, once built: waits for it the first time.
	 * @throws RuntimeException what building it threw
	 */
	public OpenAIClient get() {
		try {
			return this.client.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Closes the client, now or as soon as it is built. */
	@Override
	public void close() {
		this.client.thenAccept(OpenAIClient::close);
	}

}

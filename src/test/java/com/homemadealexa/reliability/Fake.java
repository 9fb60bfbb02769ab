package com.homemadealexa.reliability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A provider fake that can also be absent: a WireMock server on a fixed loopback port, so
 * that stopping it makes every connection attempt fail (connection refused) and starting
 * it again brings the same URL back with its stubs. No request journal, so hundreds of
 * uploads do not pile up in the test's heap; requests are counted instead.
 */
final class Fake {

	private final WireMockServer server;

	private final int port;

	private final AtomicInteger requests = new AtomicInteger();

	private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();

	Fake() {
		this.port = Loopback.freePort();
		this.server = new WireMockServer(wireMockConfig().port(this.port)
			.bindAddress("127.0.0.1")
			.containerThreads(120)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(40)
			.disableRequestJournal()
			.notifier(new Slf4jNotifier(false)));
		this.server.addMockServiceRequestListener((request, response) -> {
			this.requests.incrementAndGet();
			this.requestsByPath.computeIfAbsent(request.getUrl().split("\\?")[0], (path) -> new AtomicInteger())
				.incrementAndGet();
		});
		this.server.start();
	}

	WireMockServer server() {
		return this.server;
	}

	/** {@code http://127.0.0.1:<port>} */
	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	int requests() {
		return this.requests.get();
	}

	/** Requests so far to this path (without query), since the fake started. */
	int requests(String path) {
		AtomicInteger count = this.requestsByPath.get(path);
		return (count != null) ? count.get() : 0;
	}

	/** Stops listening: the provider is absent. */
	void absent() {
		if (this.server.isRunning()) {
			this.server.stop();
		}
	}

	/** Listens again on the same port, with the same stubs. */
	void present() {
		if (!this.server.isRunning()) {
			this.server.start();
		}
	}

}

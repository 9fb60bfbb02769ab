package com.homemadealexa.reliability;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.toml.TomlParser;
import com.homemadealexa.audio.PcmFormat;
import com.homemadealexa.testsupport.TestWavs;
import org.junit.jupiter.api.BeforeEach;
import ch.qos.logback.classic.LoggerContext;
import com.homemadealexa.logging.RepeatedLineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The security promises over real sockets, beyond the auth feature's own tests: every
 * LAN-only route refuses strangers and proxied requests, including path spellings that
 * might slip past the filter; a web page of another site can change nothing on them and a
 * DNS-rebound name reads nothing, while the proxied webapp keeps working; every kind of
 * forged or misused token is a 401 (or a 4001 close on the webapp socket), and all tokens
 * can be revoked; password guessing in parallel or behind forged forwarding headers is
 * still throttled; a webapp tab never acts on the home speaker; no client can forge or
 * flood log lines; traversal in any encoding is a 400; oversized uploads are a 413; the
 * shipped configuration holds no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends ReliabilityServer {

	private static final String EVIL = "http://evil.example";

	/** Every state-changing LAN-only route, with a body it accepts. */
	private static final List<String[]> LAN_ONLY_WRITES = List.of(new String[] { "POST", "/api/internal/ota", "" },
			new String[] { "POST", "/api/internal/restart", "" }, new String[] { "POST", "/api/internal/listen", "" },
			new String[] { "POST", "/api/internal/abort", "" },
			new String[] { "POST", "/api/internal/display", "{\"text\": \"pwned\"}" },
			new String[] { "POST", "/api/internal/chat", "{\"command\": \"turn on the tv\"}" },
			new String[] { "POST", "/api/internal/reminders",
					"{\"scheduled_at\": \"2030-01-01T10:00:00\", \"text\": \"pwned\"}" },
			new String[] { "DELETE", "/api/internal/reminders/x", "" },
			new String[] { "POST", "/api/internal/auth/revoke-tokens", "" });

	private static final List<String[]> LAN_ONLY_ROUTES = List.of(new String[] { "GET", "/api/internal/status" },
			new String[] { "GET", "/api/internal/utterances" }, new String[] { "POST", "/api/internal/chat" },
			new String[] { "POST", "/api/internal/stt" }, new String[] { "POST", "/api/internal/abort" },
			new String[] { "POST", "/api/internal/listen" }, new String[] { "POST", "/api/internal/display" },
			new String[] { "POST", "/api/internal/restart" }, new String[] { "POST", "/api/internal/ota" },
			new String[] { "GET", "/api/internal/reminders" }, new String[] { "POST", "/api/internal/reminders" },
			new String[] { "DELETE", "/api/internal/reminders/x" }, new String[] { "POST", "/api/internal/firmware" },
			new String[] { "GET", "/firmware/box.bin" }, new String[] { "GET", "/actuator/health" },
			new String[] { "GET", "/actuator/prometheus" }, new String[] { "GET", "/console/" },
			new String[] { "GET", "/console/index.html" }, new String[] { "GET", "/ws/internal" },
			new String[] { "GET", "/api/internal/console" });

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void providers() throws Exception {
		healthyProviders();
		Files.createDirectories(folder.resolve("firmware"));
		Files.writeString(folder.resolve("firmware").resolve("box.bin"), "firmware image");
		Files.writeString(folder.resolve("secret.bin"), "outside the firmware folder");
	}

	@Test
	void everyLanOnlyRouteRefusesStrangersAndTheProxy() throws Exception {
		int refusals = 0;
		for (String[] route : LAN_ONLY_ROUTES) {
			assertRefused(send(Loopback.client(STRANGER), route[0], route[1]), 403, "stranger " + route[1]);
			for (String[] header : List.of(new String[] { "X-Forwarded-For", "192.168.1.20" },
					new String[] { "x-forwarded-for", "127.0.0.1" }, new String[] { "X-Forwarded-For", "" },
					new String[] { "Forwarded", "for=192.168.1.20;proto=https" })) {
				assertRefused(send(Loopback.client(1), route[0], route[1], header), 403,
						"proxied " + route[1] + " " + header[0]);
				refusals++;
			}
			refusals++;
		}
		RawHttp.Response handshake = RawHttp.exchange(this.port,
				("GET /ws/internal HTTP/1.1\r\nHost: 127.0.0.1\r\n"
						+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
						+ "Sec-WebSocket-Version: 13\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII),
				false, STRANGER);
		assertThat(handshake.status()).as("a stranger's WebSocket handshake").isEqualTo(403);
		// The same routes are open to the LAN: the refusals above are not a broken
		// server.
		assertThat(send(Loopback.client(1), "GET", "/api/internal/status").statusCode()).isEqualTo(200);
		assertThat(send(Loopback.client(1), "GET", "/actuator/health").statusCode()).isEqualTo(200);
		Figures.record("security", "LAN-only refusals", refusals + 1);
	}

	@Test
	void noSpellingOfAnInternalPathLetsAStrangerIn() throws Exception {
		List<String> spellings = List.of("/api/internal/status/", "/api//internal/status", "//api/internal/status",
				"/api/internal/./status", "/%61pi/internal/status", "/api/%69nternal/status", "/api/internal/%73tatus",
				"/api%2finternal/status", "/API/internal/status", "/api/INTERNAL/status", "/api/internal;x=1/status",
				"/api/internal/status;x=1", "/api/public/../internal/status", "/api/public/%2e%2e/internal/status",
				"/api/internal/status?x=1", "/api/internal/status%3f", "/actuator/health/", "/ACTUATOR/health",
				"/actuator;/health", "/firmware/box.bin;", "/firmware//box.bin", "/console", "/CONSOLE/",
				"/console;/index.html", "/alexa/../console/", "/api/internal/status%00", "/api/internal/status%20");
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (String path : spellings) {
			RawHttp.Response response = RawHttp.exchange(this.port,
					("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII),
					false, STRANGER);
			statuses.merge(response.status(), 1, Integer::sum);
			assertThat(response.status()).as("a stranger asking for %s (%s)", path, response.body())
				.isIn(400, 403, 404, 405);
			assertThat(response.body()).as(path).doesNotContain("\"devices\"").doesNotContain("\"UP\"");
		}
		Figures.record("security", "internal path spellings refused to a stranger", statuses);
	}

	@Test
	void everyMisuseOfATokenIsRefused() throws Exception {
		String valid = login(Loopback.client(1), PASSWORD).body();
		String token = this.json.readTree(valid).get("token").asString();
		byte[] key = Base64.getDecoder().decode(Files.readString(folder.resolve("data").resolve("jwt-secret")).trim());
		long now = Instant.now().getEpochSecond();
		String claims = "{\"sub\":\"admin\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
		Map<String, String> misuses = new LinkedHashMap<>();
		misuses.put("no expiry", jws("HS256", "{\"sub\":\"admin\",\"iat\":" + now + "}", key));
		misuses.put("no subject", jws("HS256", "{\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}", key));
		misuses.put("blank subject", jws("HS256", "{\"sub\":\" \",\"exp\":" + (now + 3600) + "}", key));
		misuses.put("not yet valid",
				jws("HS256", "{\"sub\":\"admin\",\"nbf\":" + (now + 3600) + ",\"exp\":" + (now + 7200) + "}", key));
		misuses.put("HS384 with our key", jws("HS384", claims, key));
		misuses.put("HS512 with our key", jws("HS512", claims, key));
		misuses.put("alg none", unsigned("{\"alg\":\"none\"}", claims));
		misuses.put("alg None", unsigned("{\"alg\":\"None\"}", claims));
		misuses.put("alg none with our signature", unsigned("{\"alg\":\"none\"}", claims) + token.split("\\.")[2]);
		misuses.put("payload changed, signature kept", token.split("\\.")[0] + "."
				+ base64Url("{\"sub\":\"root\",\"exp\":" + (now + 3600) + "}") + "." + token.split("\\.")[2]);
		misuses.put("signature removed", token.substring(0, token.lastIndexOf('.') + 1));
		misuses.put("signature of another token",
				token.substring(0, token.lastIndexOf('.') + 1) + jws("HS256", claims, key).split("\\.")[2]);
		misuses.put("empty", "");
		misuses.put("garbage", "a".repeat(4000));
		Map<String, String> refused = new TreeMap<>();
		HttpClient client = Loopback.client(1);
		for (Map.Entry<String, String> misuse : misuses.entrySet()) {
			HttpResponse<String> response = sendAudio(client, "/api/public/stt", "Bearer " + misuse.getValue());
			assertRefused(response, 401, misuse.getKey());
			try (RawWebSocket socket = RawWebSocket.open(this.port,
					"/ws/public?token=" + URLEncoder.encode(misuse.getValue(), StandardCharsets.UTF_8))) {
				assertThat(socket.upgraded()).as(misuse.getKey()).isTrue();
				assertThat(socket.closeCode(Duration.ofSeconds(5))).as("webapp socket with %s", misuse.getKey())
					.isEqualTo(4001);
			}
			refused.put(misuse.getKey(), "401 and 4001");
		}
		assertRefused(sendAudio(client, "/api/public/stt?token=" + token, null), 401, "token in the query");
		assertRefused(sendAudio(client, "/api/public/stt", "Token " + token), 401, "another scheme");
		assertRefused(sendAudio(client, "/api/public/stt", "Basic " + token), 401, "Basic scheme");
		// The real token opens both, so the refusals above are about the tokens.
		assertThat(sendAudio(client, "/api/public/stt", "Bearer " + token).statusCode()).isEqualTo(200);
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/public?token=" + token)) {
			assertThat(socket.answersPing(Duration.ofSeconds(5))).isTrue();
		}
		Figures.record("security", "token misuses refused", misuses.size() + 3);
	}

	@Test
	void guessingPasswordsInParallelIsStillThrottled() throws Exception {
		HttpClient guesser = Loopback.client(61);
		Map<Integer, Integer> statuses = new TreeMap<>();
		try (ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String guess = "guess-" + i;
				answers.add(attempts.submit(() -> login(guesser, guess)));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				statuses.merge(response.statusCode(), 1, Integer::sum);
				assertThat(response.statusCode()).isIn(401, 429);
				if (response.statusCode() == 429) {
					assertThat(response.headers().firstValue("Retry-After")).isPresent();
				}
			}
		}
		assertThat(statuses.getOrDefault(401, 0)).as("passwords actually checked").isLessThanOrEqualTo(5);
		assertRefused(login(guesser, PASSWORD), 429, "the right password from the locked-out address");
		assertThat(login(Loopback.client(62), PASSWORD).statusCode()).as("another address").isEqualTo(200);
		Figures.record("security", "40 parallel guesses", statuses);
	}

	@Test
	void traversalInAnyEncodingIsABadRequest() throws Exception {
		List<String> paths = List.of("/firmware/..%2fsecret.bin", "/firmware/..%2Fsecret.bin",
				"/firmware/%2e%2e%2fsecret.bin", "/firmware/%2E%2E%2Fsecret.bin", "/firmware/..%5csecret.bin",
				"/firmware/%2e%2e%5csecret.bin", "/firmware/..%252fsecret.bin", "/firmware/%252e%252e%252fsecret.bin",
				"/firmware/..%c0%afsecret.bin", "/firmware/%c0%ae%c0%ae%c0%afsecret.bin", "/firmware/../secret.bin",
				"/firmware/%2e%2e/secret.bin", "/firmware/..\\secret.bin", "/firmware/..%00/secret.bin",
				"/firmware/..;/secret.bin", "/firmware/.%2e/secret.bin", "/alexa/..%2f..%2fapplication.properties",
				"/alexa/%2e%2e/%2e%2e/application.properties", "/alexa/../../application.properties",
				"/console/..%2fapplication.properties", "/api/internal/reminders/..%2f..%2fstatus");
		for (String path : paths) {
			RawHttp.Response response = RawHttp.exchange(this.port,
					("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1),
					false);
			assertThat(response.status()).as("%s answered %s", path, response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).doesNotContain("outside the firmware folder")
				.doesNotContain("spring.application.name");
		}
		Figures.record("security", "traversal spellings refused with 400", paths.size());
	}

	@Test
	void uploadsOverTheLimitsAreRefusedWith413() throws Exception {
		String token = this.json.readTree(login(Loopback.client(1), PASSWORD).body()).get("token").asString();
		byte[] sixSeconds = TestWavs.tonePcm(PcmFormat.SPEECH, 6000, 300);
		HttpClient client = Loopback.client(1);
		for (boolean chunked : new boolean[] { false, true }) {
			HttpRequest.BodyPublisher body = chunked
					? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sixSeconds))
					: HttpRequest.BodyPublishers.ofByteArray(sixSeconds);
			assertRefused(
					client.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/internal/stt")).POST(body).build(),
							HttpResponse.BodyHandlers.ofString()),
					413, "device audio, chunked " + chunked);
			assertRefused(client.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/public/stt"))
				.header("Authorization", "Bearer " + token)
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString()), 413, "webapp audio, chunked " + chunked);
		}
		long tooLarge = (64L << 20) + 1024;
		String boundary = "reliability-boundary";
		HttpResponse<String> firmware = client.send(HttpRequest
			.newBuilder(Loopback.uri(this.port, "/api/internal/firmware"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
					new ByteArrayInputStream(("--" + boundary
							+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
							+ "Content-Type: application/octet-stream\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII)),
					new SequenceInputStream(zeros(tooLarge),
							new ByteArrayInputStream(
									("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII))))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertRefused(firmware, 413, "a firmware image over 64 MiB");
		assertThat(folder.resolve("firmware").resolve("huge.bin")).doesNotExist();
		Figures.record("security", "uploads refused with 413", 5);
	}

	@Test
	void aWebPageOfAnotherSiteChangesNothingOnTheLanOnlyRoutes() throws Exception {
		HttpClient browser = Loopback.client(1);
		Map<String, Integer> refused = new TreeMap<>();
		for (String[] route : LAN_ONLY_WRITES) {
			for (String origin : List.of(EVIL, "null", "http://127.0.0.1:" + (this.port + 1))) {
				assertRefused(write(browser, route, "Origin", origin), 403,
						"cross-site " + route[1] + " from " + origin);
			}
			assertRefused(write(browser, route, "Sec-Fetch-Site", "cross-site"), 403,
					"cross-site " + route[1] + " without Origin");
			refused.merge(route[0], 4, Integer::sum);
		}
		// The upload form of a hostile page: multipart firmware, then the push to every
		// device.
		String boundary = "evil-boundary";
		HttpResponse<String> upload = browser
			.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/internal/firmware"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Origin", EVIL)
				.POST(HttpRequest.BodyPublishers.ofString("--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil.bin\"\r\n"
						+ "Content-Type: application/octet-stream\r\n\r\nevil image\r\n--" + boundary + "--\r\n"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertRefused(upload, 403, "cross-site firmware upload");
		assertThat(folder.resolve("firmware").resolve("evil.bin")).doesNotExist();
		// The console (its own origin) and curl (no Origin) still get through.
		for (String[] route : LAN_ONLY_WRITES.subList(0, 4)) {
			assertThat(write(browser, route, "Origin", "http://127.0.0.1:" + this.port).statusCode())
				.as("the console's own %s", route[1])
				.isNotEqualTo(403);
			assertThat(write(browser, route).statusCode()).as("curl %s", route[1]).isNotEqualTo(403);
		}
		Figures.record("security", "cross-site writes refused",
				refused.values().stream().mapToInt(Integer::intValue).sum() + 1);
	}

	@Test
	void aWebPageOfAnotherSiteCannotOpenTheDeviceSocket() throws Exception {
		for (String path : List.of("/ws/internal", "/ws")) {
			try (RawWebSocket socket = RawWebSocket.openAs(this.port, path, "127.0.0.1:" + this.port,
					"Origin: " + EVIL)) {
				assertThat(socket.upgraded()).as("cross-site %s", path).isFalse();
				assertThat(socket.handshakeStatus()).as(path).contains(" 403");
			}
		}
		// Devices send no Origin; the console's own page may.
		try (RawWebSocket device = RawWebSocket.openAs(this.port, "/ws/internal", "192.168.0.144:8080",
				"User-Agent: Alexa/0.1")) {
			assertThat(device.upgraded()).as("a device").isTrue();
			assertThat(device.answersPing(Duration.ofSeconds(5))).isTrue();
		}
		try (RawWebSocket console = RawWebSocket.openAs(this.port, "/ws/internal", "127.0.0.1:" + this.port,
				"Origin: http://127.0.0.1:" + this.port)) {
			assertThat(console.upgraded()).as("the server's own origin").isTrue();
		}
		Figures.record("security", "cross-site device sockets refused", 2);
	}

	@Test
	void aDnsRebindingNameReadsNothingFromTheLanOnlyRoutes() throws Exception {
		List<String> reads = List.of("/api/internal/utterances", "/api/internal/status", "/api/internal/reminders",
				"/console/", "/actuator/health", "/firmware/box.bin");
		for (String path : reads) {
			for (String host : List.of("evil.example", "evil.example:" + this.port, "EVIL.example.")) {
				RawHttp.Response response = get(path, host);
				assertThat(response.status()).as("%s with Host %s (%s)", path, host, response.body()).isEqualTo(403);
				Problems.assertRefusedCleanly(response.status(), response.contentType(), response.body(), path);
				assertThat(response.body()).doesNotContain("firmware image").doesNotContain("\"UP\"");
			}
		}
		// What devices, curl and the console send is answered: IP literals with and
		// without port (the firmware's OTA download has none), localhost.
		for (String host : List.of("127.0.0.1:" + this.port, "192.168.0.144", "192.168.0.144:8080",
				"localhost:" + this.port, "[::1]:" + this.port)) {
			assertThat(get("/api/internal/utterances", host).status()).as("Host %s", host).isEqualTo(200);
		}
		assertThat(get("/firmware/box.bin", "192.168.0.144").body()).isEqualTo("firmware image");
		Figures.record("security", "DNS-rebound reads refused", reads.size() * 3);
	}

	@Test
	void theWebappThroughApacheStillWorks() throws Exception {
		// Exactly what the README's ProxyPass and RewriteRule make Apache send upstream.
		String[] apache = { "X-Forwarded-For: 203.0.113.9", "X-Forwarded-Host: your.domain",
				"X-Forwarded-Server: your.domain", "Origin: https://your.domain" };
		byte[] login = ("{\"password\": \"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);
		RawHttp.Response loggedIn = proxied("POST", "/api/public/auth/login", apache,
				new String[] { "Content-Type: application/json" }, login);
		assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
		String token = this.json.readTree(loggedIn.body()).get("token").asString();
		RawHttp.Response spoken = proxied("POST", "/api/public/stt", apache,
				new String[] { "Authorization: Bearer " + token, "Content-Type: application/octet-stream" },
				TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300));
		assertThat(spoken.status()).as(spoken.body()).isEqualTo(200);
		assertThat(spoken.body()).contains("Goodbye for now.");
		String[] upgrade = new String[apache.length + 1];
		System.arraycopy(apache, 0, upgrade, 0, apache.length);
		upgrade[apache.length] = "User-Agent: Mozilla/5.0";
		try (RawWebSocket socket = RawWebSocket.openAs(this.port, "/ws/public?token=" + token, "backend.vpn:8080",
				upgrade)) {
			assertThat(socket.upgraded()).as(socket.handshakeStatus()).isTrue();
			socket.text("{\"hello\": {\"hostname\": \"webapp-tab\"}}");
			assertThat(socket.answersPing(Duration.ofSeconds(5))).as("the proxied webapp socket stays open").isTrue();
		}
		// The same proxy still cannot reach the LAN-only routes.
		assertThat(proxied("GET", "/api/internal/status", apache, new String[0], new byte[0]).status()).isEqualTo(403);
		Figures.record("security", "proxied webapp flow (login, /api/public/stt, /ws/public)", "works");
	}

	@Test
	void forgedForwardingHeadersFromTheLanBuyNoGuesses() throws Exception {
		HttpClient guesser = Loopback.client(63);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> response = guesser
				.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/public/auth/login"))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", "198.51.100." + i)
					.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"guess-" + i + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			statuses.merge(response.statusCode(), 1, Integer::sum);
		}
		assertThat(statuses.getOrDefault(401, 0)).as("passwords checked from one LAN host, %s", statuses)
			.isLessThanOrEqualTo(5);
		// From the trusted proxy (127.0.0.1) the header is believed: one locked-out
		// client
		// behind it does not lock out another.
		HttpClient proxy = Loopback.client(1);
		for (int i = 0; i < 5; i++) {
			assertThat(loginVia(proxy, "203.0.113.50", "wrong").statusCode()).isEqualTo(401);
		}
		assertThat(loginVia(proxy, "203.0.113.50", PASSWORD).statusCode()).isEqualTo(429);
		assertThat(loginVia(proxy, "203.0.113.51", PASSWORD).statusCode()).isEqualTo(200);
		Figures.record("security", "20 guesses with rotating X-Forwarded-For", statuses);
	}

	@Test
	void revokingTokensEndsEveryTokenIssuedSoFar() throws Exception {
		HttpClient client = Loopback.client(1);
		String before = this.json.readTree(login(client, PASSWORD).body()).get("token").asString();
		assertThat(sendAudio(client, "/api/public/stt", "Bearer " + before).statusCode()).isEqualTo(200);
		HttpResponse<String> revoked = client
			.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/internal/auth/revoke-tokens"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.body()).contains("\"generation\"");
		assertRefused(sendAudio(client, "/api/public/stt", "Bearer " + before), 401, "a token from before");
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/public?token=" + before)) {
			assertThat(socket.closeCode(Duration.ofSeconds(5))).isEqualTo(4001);
		}
		String after = this.json.readTree(login(client, PASSWORD).body()).get("token").asString();
		assertThat(sendAudio(client, "/api/public/stt", "Bearer " + after).statusCode()).isEqualTo(200);
		assertThat(Files.readString(folder.resolve("data").resolve("token-generation"))).doesNotContain("$2a$");
		Figures.record("security", "tokens revoked on request", "401 and 4001 afterwards");
	}

	@Test
	void aWebappTabsWakeWordNeverReachesTheHomeSpeaker() throws Exception {
		String token = this.json.readTree(login(Loopback.client(1), PASSWORD).body()).get("token").asString();
		int abortsBefore = speaker.requests("/api/abort");
		int playsBefore = speaker.requests("/api/play");
		try (RawWebSocket tab = RawWebSocket.open(this.port, "/ws/public?token=" + token);
				RawWebSocket device = RawWebSocket.open(this.port, "/ws/internal")) {
			tab.text("{\"hello\": {\"hostname\": \"box-kitchen\"}}");
			for (int i = 0; i < 5; i++) {
				tab.text("{\"event\": \"wakeword\"}");
			}
			// The server has read every frame of the tab once it answers the ping after
			// them.
			assertThat(tab.answersPing(Duration.ofSeconds(5))).isTrue();
			device.text("{\"hello\": {\"hostname\": \"box-living-room\"}}");
			device.text("{\"event\": \"wakeword\"}");
			await().atMost(Duration.ofSeconds(10)).until(() -> speaker.requests("/api/play") > playsBefore);
		}
		assertThat(speaker.requests("/api/abort") - abortsBefore).as("aborts: the device's only").isEqualTo(1);
		assertThat(speaker.requests("/api/play") - playsBefore).as("chimes: the device's only").isEqualTo(1);
		Figures.record("security", "speaker actions from 5 webapp wake words", 0);
	}

	@Test
	void aHostnameWithLineBreaksForgesNoLogLine(CapturedOutput output) throws Exception {
		repeatedLineFilter().reset();
		try (RawWebSocket device = RawWebSocket.open(this.port, "/ws/internal")) {
			device.text("{\"hello\": {\"hostname\": \"box\\nERROR forged line\\r\\nINFO forged too\\u2028WARN "
					+ "forged third\\u0085x\", \"hw_type\": \"ESP32-S3-BOX-3\\n\"}}");
			device.text("{\"event\": \"wakeword\"}");
			assertThat(device.answersPing(Duration.ofSeconds(5))).isTrue();
			// The hello's names lose their control characters when read (and any that
			// reached a log line would be escaped there).
			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.getAll().contains("Wake word from boxERROR forged line"));
		}
		String log = output.getAll();
		assertThat(log).contains("Hello from boxERROR forged lineINFO forged tooWARN forged thirdx");
		assertThat(log.split("\\R")).as("log lines")
			.noneMatch((line) -> line.startsWith("ERROR forged") || line.startsWith("INFO forged")
					|| line.startsWith("WARN forged") || line.startsWith("x"));
		Figures.record("security", "forged log lines from a hostname with CR, LF, U+2028, U+0085", 0);
	}

	@Test
	void aThousandHellosWriteABoundedNumberOfLogLines(CapturedOutput output) throws Exception {
		repeatedLineFilter().reset();
		try (RawWebSocket device = RawWebSocket.open(this.port, "/ws/internal")) {
			for (int i = 0; i < 1000; i++) {
				device.text("{\"hello\": {\"hostname\": \"flood-" + i + "\", \"hw_type\": \"ESP32-S3-BOX-3\"}}");
			}
			assertThat(device.answersPing(Duration.ofSeconds(30))).isTrue();
		}
		long hellos = output.getAll().lines().filter((line) -> line.contains("Hello from flood-")).count();
		assertThat(hellos).as("hello lines for 1,000 hellos").isBetween(1L, 20L);
		assertThat(output.getAll()).contains("lines like \"Hello from {}");
		Figures.record("security", "log lines written for 1,000 hellos", hellos + 1);
	}

	@Test
	void theShippedConfigurationHoldsNoSecret() throws Exception {
		UnmodifiableConfig config = new TomlParser().parse(Files.readString(Path.of("config.toml")));
		Map<String, Object> secrets = new TreeMap<>();
		collectSecrets("", config, secrets);
		assertThat(secrets).containsKeys("openai.api_key", "auth.password_hash", "auth.jwt_secret", "azure.speech_key",
				"mqtt.password", "weather.openweathermap_api_key");
		assertThat(secrets).allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(""));
		Figures.record("security", "secret keys in config.toml, all empty", secrets.keySet());
	}

	private static void collectSecrets(String prefix, UnmodifiableConfig config, Map<String, Object> secrets) {
		for (UnmodifiableConfig.Entry entry : config.entrySet()) {
			String name = prefix + entry.getKey();
			Object value = entry.getRawValue();
			if (value instanceof UnmodifiableConfig section) {
				collectSecrets(name + ".", section, secrets);
			}
			else if (value instanceof List<?> list) {
				for (Object item : list) {
					if (item instanceof UnmodifiableConfig table) {
						collectSecrets(name + "[].", table, secrets);
					}
				}
			}
			else if (entry.getKey().matches("(?i).*(key|secret|password|token|hash|credential).*")) {
				secrets.put(name, value);
			}
		}
	}

	private HttpResponse<String> write(HttpClient client, String[] route, String... header) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(Loopback.uri(this.port, route[1]))
			.method(route[0], route[2].isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(route[2]));
		if (!route[2].isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		if (header.length == 2) {
			request.header(header[0], header[1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private RawHttp.Response get(String path, String host) throws Exception {
		return RawHttp.exchange(this.port,
				("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII),
				false);
	}

	/** A request as Apache forwards it: upstream Host, its forwarding headers. */
	private RawHttp.Response proxied(String method, String path, String[] apache, String[] headers, byte[] body)
			throws Exception {
		StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: backend.vpn:8080\r\n");
		for (String header : apache) {
			head.append(header).append("\r\n");
		}
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(start, start.length + body.length);
		System.arraycopy(body, 0, request, start.length, body.length);
		return RawHttp.exchange(this.port, request, false);
	}

	private HttpResponse<String> loginVia(HttpClient proxy, String client, String password) throws Exception {
		return proxy.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/public/auth/login"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static RepeatedLineFilter repeatedLineFilter() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		return context.getTurboFilterList()
			.stream()
			.filter(RepeatedLineFilter.class::isInstance)
			.map(RepeatedLineFilter.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("logback-spring.xml installs the RepeatedLineFilter"));
	}

	private HttpResponse<String> login(HttpClient client, String password) throws Exception {
		return client.send(HttpRequest.newBuilder(Loopback.uri(this.port, "/api/public/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(HttpClient client, String method, String path, String[]... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(Loopback.uri(this.port, path))
			.method(method, HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json");
		for (String[] header : headers) {
			request.header(header[0], header[1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> sendAudio(HttpClient client, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(Loopback.uri(this.port, path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(TestWavs.tonePcm(PcmFormat.SPEECH, 300, 300)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertRefused(HttpResponse<String> response, int status, String what) {
		assertThat(response.statusCode()).as("%s answered %s", what, response.body()).isEqualTo(status);
		Problems.assertRefusedCleanly(response.statusCode(), response.headers().firstValue("Content-Type"),
				response.body(), what);
	}

	private static String jws(String algorithm, String claims, byte[] key) throws Exception {
		String signingInput = base64Url("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
		String mac = "Hmac" + algorithm.replace("HS", "SHA");
		Mac hmac = Mac.getInstance(mac);
		hmac.init(new SecretKeySpec(key, mac));
		return signingInput + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(signingInput.getBytes()));
	}

	private static String unsigned(String header, String claims) {
		return base64Url(header) + "." + base64Url(claims) + ".";
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static InputStream zeros(long count) {
		return new InputStream() {

			private long left = count;

			@Override
			public int read() {
				return (this.left-- > 0) ? 0 : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				Arrays.fill(buffer, offset, offset + n, (byte) 0);
				this.left -= n;
				return n;
			}

		};
	}

}

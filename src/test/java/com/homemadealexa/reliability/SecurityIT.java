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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security promises over real sockets, beyond the auth feature's own tests: every
 * LAN-only route refuses strangers and proxied requests, including path spellings that
 * might slip past the filter; every kind of forged or misused token is a 401 (or a 4001
 * close on the webapp socket); password guessing in parallel is still throttled;
 * traversal in any encoding is a 400; oversized uploads are a 413; the shipped
 * configuration holds no secret.
 */
class SecurityIT extends ReliabilityServer {

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

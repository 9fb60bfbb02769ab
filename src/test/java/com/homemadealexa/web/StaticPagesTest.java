package com.homemadealexa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the pages are served: the webapp under a configured base path, with a
 * {@code web/} folder next to config.toml overriding its files, and the console for the
 * LAN only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticPagesTest {

	@TempDir
	static Path temp;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("webapp.base", () -> "/home/voice/");
		registry.add("alexa.config-file", () -> withOverride(temp.resolve("config.toml")).toString());
		registry.add("data.dir", () -> temp.resolve("data").toString());
		registry.add("firmware.dir", () -> temp.resolve("firmware").toString());
		registry.add("audio.log-dir", () -> temp.resolve("audio_log").toString());
	}

	@Test
	void theBasePathRedirectsToTheWebappsFolder() throws Exception {
		HttpResponse<String> response = get("/home/voice");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/home/voice/"));
	}

	@Test
	void servesTheWebappsPageAndModulesUnderTheBasePath() throws Exception {
		HttpResponse<String> page = get("/home/voice/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");

		HttpResponse<String> module = get("/home/voice/pcm-worklet.js");
		assertThat(module.statusCode()).isEqualTo(200);
		assertThat(module.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(module.body()).contains("registerProcessor('pcm-capture'");
		assertThat(get("/alexa/").statusCode()).isEqualTo(404);
	}

	@Test
	void aFileInTheWebFolderNextToTheConfigReplacesTheBuiltInOne() throws Exception {
		HttpResponse<String> style = get("/home/voice/style.css");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.body()).isEqualTo("body { background: hotpink; }\n");
		assertThat(get("/home/voice/app.js").body()).contains("showLogin");
	}

	@Test
	void theConsoleIsServedOnTheLan() throws Exception {
		assertThat(get("/console")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/console/"));
		});
		HttpResponse<String> page = get("/console/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("LAN console");
	}

	@Test
	void theConsoleIsRefusedThroughTheReverseProxy() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/console/")).header("X-Forwarded-For", "203.0.113.7").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("LAN console");
	}

	@Test
	void theWebappIsServedThroughTheReverseProxy() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/home/voice/")).header("X-Forwarded-For", "203.0.113.7").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static Path withOverride(Path configFile) {
		try {
			Path web = Files.createDirectories(configFile.resolveSibling("web"));
			Files.writeString(web.resolve("style.css"), "body { background: hotpink; }\n");
			return configFile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}

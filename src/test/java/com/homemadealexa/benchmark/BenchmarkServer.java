package com.homemadealexa.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.homemadealexa.HomemadeAlexaApplication;
import org.mindrot.jbcrypt.BCrypt;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The real application started in this JVM on a free loopback port, configured through
 * command-line arguments (which outrank {@code config.toml}), with its folders in a
 * temporary directory.
 */
final class BenchmarkServer implements AutoCloseable {

	static final String PASSWORD = "benchmark";

	private final ConfigurableApplicationContext context;

	private final Path folder;

	private BenchmarkServer(ConfigurableApplicationContext context, Path folder) {
		this.context = context;
		this.folder = folder;
	}

	/**
	 * @param properties Spring property names and values, on top of the benchmark's
	 * defaults (quiet logs, English, a password, temporary folders)
	 */
	static BenchmarkServer start(Map<String, String> properties) {
		Path folder;
		try {
			folder = Files.createTempDirectory("benchmark");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("server.address", "127.0.0.1");
		all.put("data.dir", folder.resolve("data").toString());
		all.put("firmware.dir", folder.resolve("firmware").toString());
		all.put("audio.log-dir", folder.resolve("audio_log").toString());
		all.put("auth.password-hash", BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)));
		all.put("assistant.language", "en-US");
		// One log line per utterance or connection would measure the console, not the
		// server.
		all.put("logging.level.root", "WARN");
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HomemadeAlexaApplication.class)
			.run(args.toArray(String[]::new));
		return new BenchmarkServer(context, folder);
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port"));
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
		try {
			FileSystemUtils.deleteRecursively(this.folder);
		}
		catch (IOException ex) {
			// A leftover in the temporary folder is harmless.
		}
	}

}

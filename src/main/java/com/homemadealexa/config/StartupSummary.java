package com.homemadealexa.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Right after "Started", one block that says where things are (webapp, console, config
 * file, data folder) and which pieces are not configured, with the key that turns each
 * on. It reads the configuration only, so it never calls a provider.
 */
@Component
class StartupSummary {

	private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

	private final Environment environment;

	StartupSummary(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		log.info("{}", text());
	}

	String text() {
		String base = "http://" + host() + ":" + value("local.server.port", value("server.port", "8080"));
		Path config = Path.of(value("alexa.config-file", "config.toml"));
		String webapp = value("webapp.base", "/alexa").replaceAll("/+$", "");
		StringBuilder text = new StringBuilder("Homemade Alexa is ready:");
		line(text, "webapp", base + webapp + "/ (from outside: through the reverse proxy)");
		// The console's path is fixed by the web package (StaticPages.CONSOLE).
		line(text, "LAN console", base + "/console/");
		line(text, "config file",
				config + (Files.isRegularFile(config) ? "" : " (not found: running on the shipped defaults)"));
		line(text, "data folder", Path.of(value("data.dir", "./data")).toAbsolutePath().normalize().toString());
		List<String[]> missing = missing();
		if (missing.isEmpty()) {
			text.append("\n  everything is configured");
		}
		else {
			text.append("\n  not configured:");
			for (String[] piece : missing) {
				text.append("\n    ").append(String.format("%-16s", piece[0])).append(piece[1]);
			}
		}
		return text.toString();
	}

	private List<String[]> missing() {
		List<String[]> missing = new ArrayList<>();
		boolean openAi = set("openai.api-key");
		boolean azure = set("azure.speech-key");
		if (!openAi) {
			missing.add(new String[] { "LLM",
					"set [openai] api_key (OPENAI_API_KEY): only local commands are understood" });
		}
		String stt = value("speech.stt-provider", "openai");
		if (("openai".equals(stt) && !openAi) || ("azure".equals(stt) && !azure)) {
			missing.add(new String[] { "speech-to-text", "set " + keyOf(stt) + ": speech cannot be transcribed" });
		}
		String tts = value("speech.tts-provider", "azure");
		if (("openai".equals(tts) && !openAi) || ("azure".equals(tts) && !azure)) {
			missing.add(new String[] { "voice", "set " + keyOf(tts) + ": speaking with espeak-ng" });
		}
		if (!set("audio-server.url")) {
			missing.add(new String[] { "audio server", "set [audio_server] url (run ./alexa audio-server next to "
					+ "the speaker): devices hear no answers" });
		}
		if (!set("auth.password-hash")) {
			missing.add(new String[] { "webapp login",
					"set [auth] password_hash (make one with ./alexa hash-password): login is refused" });
		}
		if (!set("mqtt.url")) {
			missing.add(new String[] { "lights and TV", "set [mqtt] url: they cannot be switched" });
		}
		return missing;
	}

	private static String keyOf(String provider) {
		return "azure".equals(provider) ? "[azure] speech_key (AZURE_SPEECH_KEY)" : "[openai] api_key (OPENAI_API_KEY)";
	}

	private static void line(StringBuilder text, String label, String value) {
		text.append("\n  ").append(String.format("%-18s", label)).append(value);
	}

	private boolean set(String key) {
		return !value(key, "").isBlank();
	}

	private String value(String key, String fallback) {
		return this.environment.getProperty(key, fallback);
	}

	private String host() {
		String address = value("server.address", "0.0.0.0");
		if (!address.equals("0.0.0.0") && !address.equals("::")) {
			return address;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}

package com.homemadealexa.config;

import java.io.InputStream;
import java.util.List;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.toml.TomlParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown sections and keys of a user's config.toml, against the shipped one (the
 * embedded defaults the build copies into the jar).
 */
class UnknownKeysTest {

	private final UnknownKeys check = new UnknownKeys(shipped());

	@Test
	void namesTheNearestSectionOfAMisspelledOne() {
		assertThat(describe("[assistent]\nname = \"Alexa\"\nlanguage = \"en-US\""))
			.containsExactly("config.toml: unknown section [assistent] is ignored (did you mean [assistant]?).");
	}

	@Test
	void namesTheNearestKeyInItsSection() {
		assertThat(describe("[auth]\njwt_secrte = \"x\"\n\n[server]\nprot = 80")).containsExactly(
				"config.toml: unknown key jwt_secrte in [auth] is ignored (did you mean jwt_secret?).",
				"config.toml: unknown key prot in [server] is ignored (did you mean port?).");
	}

	@Test
	void checksTheKeysOfEachListedDevice() {
		assertThat(describe("[[mqtt.devices]]\nname = \"lamp\"\nknd = \"light\"\ntopic = \"t\""))
			.containsExactly("config.toml: unknown key knd in [[mqtt.devices]] is ignored (did you mean kind?).");
	}

	@Test
	void suggestsNothingWhenNoKnownNameIsClose() {
		assertThat(describe("[server]\nbanana = 1\n\n[holiday]\nplace = \"sea\"")).containsExactly(
				"config.toml: unknown key banana in [server] is ignored.",
				"config.toml: unknown section [holiday] is ignored.");
	}

	@Test
	void namesTheSectionOfAKeyWrittenOutsideAny() {
		assertThat(describe("api_key = \"x\"")).singleElement()
			.asString()
			.startsWith("config.toml: the key api_key is outside any section and is ignored (did you mean [");
	}

	@Test
	void acceptsEveryShippedKeyAndListsWrittenAsOneString() {
		assertThat(this.check.describe(shipped())).isEmpty();
		assertThat(describe("[server]\ntrusted_networks = \"10.0.0.0/8,192.168.0.0/16\"\n\n[auth]\nusername = \"me\""))
			.isEmpty();
	}

	private List<String> describe(String toml) {
		return this.check.describe(new TomlParser().parse(toml));
	}

	private static UnmodifiableConfig shipped() {
		try (InputStream in = UnknownKeysTest.class.getResourceAsStream(TomlConfigFile.EMBEDDED_DEFAULTS)) {
			return new TomlParser().parse(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

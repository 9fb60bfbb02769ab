package com.homemadealexa.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every phrase exists in both languages: each bundle family under {@code messages/} has
 * the same keys in its Polish file, its English file and its base file (what Spring falls
 * back to for any other language, since {@code fallback-to-system-locale} is off).
 */
class MessageBundlesTest {

	private static final Pattern bundleName = Pattern.compile("(?<family>[a-z]+)(?<language>_[a-z]{2})?\\.properties");

	private static final Set<String> variants = Set.of("", "_en", "_pl");

	@Test
	void everyFamilyHasABaseAnEnglishAndAPolishFile() throws IOException {
		Map<String, Map<String, Set<String>>> families = families();

		assertThat(families).isNotEmpty();
		families.forEach((family, files) -> assertThat(files.keySet()).as("files of messages/%s", family)
			.containsExactlyInAnyOrderElementsOf(variants));
	}

	@Test
	void everyKeyExistsInEveryLanguage() throws IOException {
		families().forEach((family, files) -> {
			Set<String> allKeys = new TreeSet<>();
			files.values().forEach(allKeys::addAll);
			files.forEach((variant, keys) -> assertThat(keys).as("keys of messages/%s%s.properties", family, variant)
				.containsExactlyInAnyOrderElementsOf(allKeys));
		});
	}

	/**
	 * The base file is what every language without a file of its own hears, and it is
	 * English: a phrase changed in one of the two and not the other would make English
	 * depend on the listener's locale.
	 */
	@Test
	void theBaseFileSaysWhatTheEnglishFileSays() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (String family : families().keySet()) {
			Properties base = load(resolver.getResource("classpath:messages/" + family + ".properties"));
			Properties english = load(resolver.getResource("classpath:messages/" + family + "_en.properties"));
			assertThat(base).as("messages/%s.properties against messages/%s_en.properties", family, family)
				.isEqualTo(english);
		}
	}

	@Test
	void everyFamilyIsOneOfSpringsBasenames() throws IOException {
		Properties application = load(new PathMatchingResourcePatternResolver().getResource("application.properties"));
		Set<String> basenames = new TreeSet<>(
				Arrays.asList(application.getProperty("spring.messages.basename", "").split("\\s*,\\s*")));

		assertThat(basenames).containsAll(families().keySet().stream().map("messages/"::concat).toList());
	}

	/**
	 * @return each family's keys, by variant ({@code ""}, {@code "_en"}, {@code "_pl"})
	 */
	private static Map<String, Map<String, Set<String>>> families() throws IOException {
		Map<String, Map<String, Set<String>>> families = new TreeMap<>();
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:messages/*.properties")) {
			Matcher name = bundleName.matcher(String.valueOf(file.getFilename()));
			assertThat(name.matches()).as("bundle file name %s", file.getFilename()).isTrue();
			String variant = (name.group("language") != null) ? name.group("language") : "";
			families.computeIfAbsent(name.group("family"), (family) -> new TreeMap<>())
				.put(variant, load(file).stringPropertyNames());
		}
		return families;
	}

	private static Properties load(Resource file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = file.getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

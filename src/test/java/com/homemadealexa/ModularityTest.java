package com.homemadealexa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages as Spring Modulith application modules: each one uses only the
 * modules its {@code package-info.java} declares, no module reaches into another's
 * sub-packages (the speech providers, the built-in skills), there are no cycles, and the
 * module diagram in {@code docs/modules/} matches the code.
 */
class ModularityTest {

	private static final ApplicationModules modules = ApplicationModules.of(HomemadeAlexaApplication.class);

	private static final Path committedDocs = Path.of("docs", "modules");

	private static final Path generatedDocs = Path.of("target", "modulith-docs");

	@Test
	void modulesUseOnlyTheirDeclaredDependenciesWithoutCycles() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresItsDependencies() {
		assertThat(modules.stream()
			.filter(module -> module.getBasePackage()
				.getAnnotation(ApplicationModule.class)
				.map(declared -> List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN))
				.orElse(true))
			.map(module -> module.getIdentifier().toString()))
			.as("modules without @ApplicationModule(allowedDependencies)")
			.isEmpty();
	}

	@Test
	void declaredDependenciesAreAllUsed() {
		List<String> unused = new ArrayList<>();
		modules.forEach(module -> {
			Set<String> used = dependencies(module);
			module.getAllowedDependencies(modules)
				.stream()
				.map(allowed -> allowed.getTargetModule().getIdentifier().toString())
				.filter(target -> !used.contains(target))
				.forEach(target -> unused.add(module.getIdentifier() + " -> " + target));
		});
		assertThat(unused).as("allowedDependencies no class needs (drop them from package-info.java)").isEmpty();
	}

	@Test
	void subPackagesStayInternalToTheirModule() {
		assertThat(modules.getModuleForPackage("com.homemadealexa.speech.azure"))
			.hasValueSatisfying(module -> assertThat(module.getIdentifier()).hasToString("speech"));
		assertThat(modules.getModuleForPackage("com.homemadealexa.skill.builtin"))
			.hasValueSatisfying(module -> assertThat(module.getIdentifier()).hasToString("skill"));
		// A @NamedInterface would open a sub-package to other modules; none is needed
		// yet.
		assertThat(modules.stream()
			.filter(module -> module.getNamedInterfaces().hasExplicitInterfaces())
			.map(module -> module.getIdentifier().toString())).as("modules exposing a @NamedInterface").isEmpty();
	}

	/**
	 * Regenerates the module documentation and compares it with {@code docs/modules/}.
	 * When they differ it rewrites {@code docs/modules/} and fails, so the next run
	 * passes once the new files are committed.
	 */
	@Test
	void moduleDocumentationMatchesTheCode() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generatedDocs.toString()))
			.writeDocumentation();
		for (String name : fileNames(generatedDocs)) {
			if (name.endsWith(".puml")) {
				Path diagram = generatedDocs.resolve(name);
				Files.writeString(diagram, sortedStatements(Files.readString(diagram)));
			}
		}
		Files.writeString(generatedDocs.resolve("modules.md"), moduleTable());

		List<String> stale = differingFiles();
		if (!stale.isEmpty()) {
			replaceCommittedDocs();
		}
		assertThat(stale).as("docs/modules/ was out of date and has been regenerated: commit it").isEmpty();
	}

	/**
	 * Documenter writes a diagram's components and relations in an order that changes
	 * from one JVM to the next; sorting each run of them keeps the committed files stable
	 * without changing the diagram.
	 */
	private static String sortedStatements(String plantUml) {
		List<String> result = new ArrayList<>();
		List<String> run = new ArrayList<>();
		String runKind = "";
		for (String line : plantUml.split("\n", -1)) {
			String kind = line.strip().startsWith("Rel(") ? "Rel"
					: line.strip().startsWith("Component(") ? "Component" : "";
			if (!kind.equals(runKind)) {
				run.sort(null);
				result.addAll(run);
				run.clear();
				runKind = kind;
			}
			if (kind.isEmpty()) {
				result.add(line);
			}
			else {
				run.add(line);
			}
		}
		run.sort(null);
		result.addAll(run);
		return String.join("\n", result);
	}

	private static Set<String> dependencies(org.springframework.modulith.core.ApplicationModule module) {
		return module.getDirectDependencies(modules)
			.stream()
			.map(ApplicationModuleDependency::getTargetModule)
			.map(target -> target.getIdentifier().toString())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * One row per module, every module after those it uses, with the purpose from its
	 * {@code package-info.java}.
	 */
	private static String moduleTable() {
		StringBuilder table = new StringBuilder("""
				# Modules

				Generated by `ModularityTest` from the code (do not edit): each module's purpose is the
				javadoc of its `package-info.java`, its dependencies are the modules its classes use,
				as allowed by `@ApplicationModule(allowedDependencies = ...)` there. Every module
				comes after the ones it uses. Diagram: [`components.puml`](components.puml).

				| module | what it does | uses |
				|---|---|---|
				""");
		usedFirst().forEach(module -> {
			String uses = dependencies(module).stream().map(it -> "`" + it + "`").collect(Collectors.joining(", "));
			table.append("| `%s` | %s | %s |%n".formatted(module.getIdentifier(),
					purpose(module.getBasePackage().getName()), uses.isEmpty() ? "–" : uses));
		});
		return table.toString();
	}

	/**
	 * @return the modules, each after the ones it uses, otherwise alphabetical (verify()
	 * rules out cycles)
	 */
	private static List<org.springframework.modulith.core.ApplicationModule> usedFirst() {
		List<org.springframework.modulith.core.ApplicationModule> remaining = new ArrayList<>(
				modules.stream().sorted(Comparator.comparing(module -> module.getIdentifier().toString())).toList());
		List<org.springframework.modulith.core.ApplicationModule> ordered = new ArrayList<>();
		Set<String> placed = new TreeSet<>();
		while (!remaining.isEmpty()) {
			var next = remaining.stream()
				.filter(module -> placed.containsAll(dependencies(module)))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("modules depend on each other: " + remaining));
			remaining.remove(next);
			ordered.add(next);
			placed.add(next.getIdentifier().toString());
		}
		return ordered;
	}

	private static String purpose(String packageName) {
		Path packageInfo = Path.of("src", "main", "java")
			.resolve(packageName.replace('.', '/'))
			.resolve("package-info.java");
		try {
			var javadoc = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL).matcher(Files.readString(packageInfo));
			if (!javadoc.find()) {
				return "";
			}
			return javadoc.group(1)
				.lines()
				.map(line -> line.replaceFirst("^\\s*\\*\\s?", "").strip())
				.filter(line -> !line.isEmpty())
				.collect(Collectors.joining(" "))
				.replaceAll("\\{@code ([^}]*)}", "`$1`")
				.replace("|", "\\|");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> differingFiles() throws IOException {
		Set<String> names = new TreeSet<>(fileNames(generatedDocs));
		names.addAll(fileNames(committedDocs));
		List<String> differing = new ArrayList<>();
		for (String name : names) {
			Path generated = generatedDocs.resolve(name);
			Path committed = committedDocs.resolve(name);
			if (!Files.exists(generated) || !Files.exists(committed) || Files.mismatch(generated, committed) != -1) {
				differing.add(name);
			}
		}
		return differing;
	}

	private static void replaceCommittedDocs() throws IOException {
		Files.createDirectories(committedDocs);
		for (String name : fileNames(committedDocs)) {
			Files.delete(committedDocs.resolve(name));
		}
		for (String name : fileNames(generatedDocs)) {
			Files.copy(generatedDocs.resolve(name), committedDocs.resolve(name));
		}
	}

	private static List<String> fileNames(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

}

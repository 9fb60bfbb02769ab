package com.homemadealexa;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules the module declarations do not state: the ports that the pipeline uses never
 * reach back into it, whatever a module's {@code allowedDependencies} come to say, and
 * WebSockets stay inside {@code device}. Module boundaries and cycles are
 * {@link ModularityTest}'s.
 */
class ArchitectureTest {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.homemadealexa");

	@Test
	void portsAndProvidersDoNotDependOnThePipeline() {
		assertThat(noClasses().that()
			.resideInAnyPackage("..speech..", "..llm..", "..audio..", "..skill..", "..device..", "..i18n..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..voice..", "..assistant..")
			.evaluate(classes)
			.getFailureReport()
			.getDetails()).isEmpty();
	}

	@Test
	void onlyTheDevicePackageUsesSpringWebSocket() {
		assertThat(noClasses().that()
			.resideOutsideOfPackages("com.homemadealexa.device..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.socket..")
			.evaluate(classes)
			.getFailureReport()
			.getDetails()).isEmpty();
	}

}

package com.homemadealexa;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the features apart: no cycles between feature packages, and the ports that the
 * pipeline uses never reach back into it.
 */
class ArchitectureTest {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.homemadealexa");

	@Test
	void featuresHaveNoCycles() {
		assertThat(slices().matching("com.homemadealexa.(*)..")
			.should()
			.beFreeOfCycles()
			.evaluate(classes)
			.getFailureReport()
			.getDetails()).isEmpty();
	}

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
	void skillsReachTheDevicesOnlyThroughTheDevicesPort() {
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

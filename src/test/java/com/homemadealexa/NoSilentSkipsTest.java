package com.homemadealexa;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No test skips itself: a missing tool (chromium, mosquitto, aplay, ...) is installed by
 * {@code ./test} or makes the test fail with what to install, never a silent skip.
 */
class NoSilentSkipsTest {

	private static final JavaClasses tests = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
		.importPackages("com.homemadealexa");

	@Test
	void noTestUsesAssumptionsOrConditionalExecution() {
		assertThat(noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.assertj.core.api.Assumptions")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.junit.Assume")
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.junit.jupiter.api.condition..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.junit.jupiter.api.Disabled")
			.evaluate(tests)
			.getFailureReport()
			.getDetails()).isEmpty();
	}

}

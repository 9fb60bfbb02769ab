package com.homemadealexa.audio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speaker has one owner: only {@link Speaker} calls the audio server, so nothing can
 * play past its ordering (answers, chimes, aborts and reminders all go through it).
 */
class SpeakerOwnershipTest {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.homemadealexa");

	@Test
	void onlyTheSpeakerCallsTheAudioServer() {
		assertThat(noClasses().that()
			.doNotBelongToAnyOf(Speaker.class, AudioServerClient.class, AudioOutput.class)
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(AudioOutput.class, AudioServerClient.class)
			.evaluate(classes)
			.getFailureReport()
			.getDetails()).isEmpty();
	}

}

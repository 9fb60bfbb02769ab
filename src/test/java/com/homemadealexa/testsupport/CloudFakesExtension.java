package com.homemadealexa.testsupport;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Resets the {@link CloudFakes} before each test of a {@link CloudFakesTest} class, and
 * gives them what its attributes ask for. Runs before the test's own {@code @BeforeEach}
 * methods, so those can add stubs of their own.
 */
final class CloudFakesExtension implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		CloudFakesTest household = TestContextAnnotationUtils.findMergedAnnotation(context.getRequiredTestClass(),
				CloudFakesTest.class);
		if (household != null) {
			CloudFakes.reset(household);
		}
	}

}

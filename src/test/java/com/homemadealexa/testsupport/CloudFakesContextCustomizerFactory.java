package com.homemadealexa.testsupport;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a {@link CloudFakesTest}'s application at the fakes. The customizer is equal for
 * equal households, so Spring caches one context per household.
 */
class CloudFakesContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		CloudFakesTest household = TestContextAnnotationUtils.findMergedAnnotation(testClass, CloudFakesTest.class);
		return (household != null) ? new Customizer(CloudFakes.Household.of(household)) : null;
	}

	private record Customizer(CloudFakes.Household household) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = Map.copyOf(CloudFakes.properties(this.household));
			MapPropertySource source = new MapPropertySource("cloudFakes", properties);
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			// Below the test's own properties, above everything else (config.toml too).
			String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
			if (sources.contains(inlined)) {
				sources.addAfter(inlined, source);
			}
			else {
				sources.addFirst(source);
			}
		}

	}

}

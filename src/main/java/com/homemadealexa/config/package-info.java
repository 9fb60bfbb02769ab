/**
 * Configuration: {@code config.toml} as a Spring property source below the environment
 * variables that override it, and one-sentence start-up errors for bad keys.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.homemadealexa.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

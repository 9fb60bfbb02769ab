/**
 * Configuration: {@code config.toml} as a Spring property source, with environment
 * overrides, and one-sentence start-up errors for bad keys.
 */
@NullMarked
package com.homemadealexa.config;

import org.jspecify.annotations.NullMarked;

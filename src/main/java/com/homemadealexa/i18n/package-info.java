/**
 * Localized phrases the assistant speaks, from message bundles.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "config" })
package com.homemadealexa.i18n;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

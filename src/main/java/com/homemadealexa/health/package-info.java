/**
 * Provider health for {@code /actuator/health}: the small interface each provider
 * implements to report itself, a cached reachability probe, and the {@code providers}
 * health component built from them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.homemadealexa.health;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

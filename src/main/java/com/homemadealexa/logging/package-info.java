/**
 * Log output that clients cannot forge or flood: control characters in logged values are
 * escaped, webapp tokens in URLs are masked, and repetitive lines are rate-limited (wired
 * in {@code logback-spring.xml}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.homemadealexa.logging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Webapp authentication: bcrypt login, JWT tokens, login throttling, and the security
 * rules of every route.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "config", "device" })
package com.homemadealexa.auth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
